package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// The reports' names of the reasons and sources, in the data's order.
var (
	repReasons = map[string][]string{
		"kk": {"Мектеп формасы, аяқ киім жоқ", "Отбасы жағдайы", "Мектептен шығып кеткен", "Басқа жерден көшіп келген",
			"Ауру", "Девиантты мінез-құлық", "Басқа себептер"},
		"ru": {"Нет школьной формы, обуви", "Трудное положение семьи", "Оставление школы", "Переезд из другого места",
			"Болезнь", "Девиантное поведение", "Другие причины"},
	}
	repSources = map[string][]string{
		"kk": {"Мектеп педагогтары", "Учаскелік полиция инспекторлары", "Пробация қызметі", "Бірлескен рейдтер", "Азаматтардың өтініштері"},
		"ru": {"Педагоги школ", "Участковые инспекторы полиции", "Служба пробации", "Совместные рейды", "Обращения граждан"},
	}
	repOutcomes = map[string][]string{
		"kk": {"Мектептен тыс қалған балалар анықталды", "Мектепке орналастырылған балалар",
			"Полицияға, қамқоршылық органына жолданды", "Жұмыс жалғасуда", "оның ішінде мерзімі өткені"},
		"ru": {"Выявлено детей вне школы", "Устроено детей в школу", "Передано в полицию, органы опеки",
			"Работа продолжается", "из них с истёкшим сроком"},
	}
)

// repCoverage reads the store's own coverage figures of the campaign and
// of the one before it.
func repCoverage(t *testing.T, fx repFixture) (cur, prev data.CoverageFigures) {
	t.Helper()
	ctx := context.Background()
	cur, err := fx.st.CoverageFigures(ctx, fx.camp.ID)
	if err != nil {
		t.Fatal(err)
	}
	before, err := fx.st.FindCampaignByYear(ctx, fx.camp.Year-1)
	if err != nil {
		t.Fatal(err)
	}
	if prev, err = fx.st.CoverageFigures(ctx, before.ID); err != nil {
		t.Fatal(err)
	}
	if cur.Found == 0 || cur.Placed == 0 || prev.Found == 0 {
		t.Fatalf("the demo's coverage register is empty: %+v, %+v", cur, prev)
	}
	return cur, prev
}

var repColumnGap = regexp.MustCompile(`\s{2,}`)

// repRow finds the table row (pdftotext -layout) that starts with label
// and returns its other cells.
func repRow(text, label string) []string {
	for _, line := range strings.Split(text, "\n") {
		cells := repColumnGap.Split(strings.TrimSpace(line), -1)
		if len(cells) > 1 && cells[0] == label {
			return cells[1:]
		}
	}
	return nil
}

func repCells(t *testing.T, text, label string, want ...string) {
	t.Helper()
	if got := repRow(text, label); strings.Join(got, "|") != plain(strings.Join(want, "|")) {
		t.Errorf("row %q = %q, want %q", label, got, want)
	}
}

func TestPDFReportCoverage(t *testing.T) {
	fx := repOpen(t, data.DemoOptions{})
	c, p := repCoverage(t, fx)
	for _, lang := range []string{"kk", "ru"} {
		t.Run(lang, func(t *testing.T) {
			text := repPDFText(t, fx.r, lang)
			outcomes := [][2]int{{c.Found, p.Found}, {c.Placed, p.Placed}, {c.Referred, p.Referred}, {c.Open, p.Open},
				{c.Overdue, p.Overdue}}
			for i, o := range outcomes {
				cur, prev := int64(o[0]), int64(o[1])
				repCells(t, text, repOutcomes[lang][i], report.Number(cur), report.Number(prev), report.Signed(cur-prev),
					report.Change(cur, prev))
			}
			for i, reason := range data.CoverageReasons {
				n, placed := int64(c.ByReason[reason]), int64(c.ByReasonPlaced[reason])
				repCells(t, text, repReasons[lang][i], report.Number(n), report.Number(placed), report.Percent(placed, n))
			}
			for i, src := range data.CoverageSources {
				n := int64(c.BySource[src])
				repCells(t, text, repSources[lang][i], report.Number(n), report.Percent(n, int64(c.Found)))
			}
			total := map[string]string{"kk": "Барлығы", "ru": "Всего"}[lang]
			if repLine(text, total, report.Number(int64(c.Found)), report.Number(int64(c.Placed)),
				plain(report.Percent(int64(c.Placed), int64(c.Found)))) == "" {
				t.Errorf("no total line with %d found, %d placed", c.Found, c.Placed)
			}
		})
	}
}

// repPage1 is the title page's text, laid out.
func repPage1(t *testing.T, r report.CampaignReport, lang string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WritePDFReport(&buf, r, report.ReportOptions{Lang: lang}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return repTool(t, "pdftotext", "-layout", "-f", "1", "-l", "1", path, "-")
}

// repEventPlace is where the report says an event is: the school's name
// in lang for an event at a school.
func repEventPlace(r report.CampaignReport, e data.Event, lang string) string {
	for _, s := range r.Schools {
		if e.SchoolID != 0 && s.SchoolID == e.SchoolID {
			return s.Name(lang)
		}
	}
	if lang == "ru" && e.PlaceRU != "" { // a Russian report names the place in Russian
		return e.PlaceRU
	}
	return e.Place
}

func TestPDFReportEventsOnTitlePage(t *testing.T) {
	fx := repOpen(t, data.DemoOptions{Children: 300, Sponsors: 20, Distributions: 400})
	events, err := fx.st.FindEvents(context.Background(), fx.camp.ID)
	if err != nil {
		t.Fatal(err)
	}
	var pc data.Event
	for _, e := range events {
		if e.Kind == data.EventPressConference {
			pc = e
		}
	}
	if len(events) < 3 || pc.ID == 0 {
		t.Fatalf("the demo has %d events and no press conference", len(events))
	}
	for _, lang := range []string{"kk", "ru"} {
		t.Run(lang, func(t *testing.T) {
			page := repPage1(t, fx.r, lang)
			idx := repIndex(page)
			for _, e := range events {
				if repLine(page, report.ShortDate(e.HeldOn), e.TimeText) == "" {
					t.Errorf("event %q: no line with %s %s", e.Title(lang), report.ShortDate(e.HeldOn), e.TimeText)
				}
				// Titles and places wrap inside their cells: look for their words.
				for _, w := range repWords(e.Title(lang) + " " + repEventPlace(fx.r, e, lang)) {
					if !idx.has(w) {
						t.Errorf("event %q: word %q is not on the title page", e.Title(lang), w)
					}
				}
			}
			// The final press conference, framed: its date in words, time and place on one line.
			if repLine(page, report.LongDate(pc.HeldOn, lang), pc.TimeText, repEventPlace(fx.r, pc, lang)) == "" {
				t.Errorf("the final press conference %s %s at %s is not framed on the title page:\n%s",
					report.LongDate(pc.HeldOn, lang), pc.TimeText, repEventPlace(fx.r, pc, lang), page)
			}
		})
	}
}

func TestPDFReportLongCalendar(t *testing.T) {
	fx := repOpen(t, data.DemoOptions{Children: 300, Sponsors: 20, Distributions: 400})
	ctx := context.Background()
	for day := 1; day <= 10; day++ {
		e := data.Event{CampaignID: fx.camp.ID, Kind: data.EventHotline, HeldOn: data.Date(2019, 8, day),
			TimeText: "09:00–18:00", TitleKK: fmt.Sprintf("Жедел желі кезекшілігі %d", day), Place: "Білім бөлімі"}
		if err := fx.st.CreateEvent(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	figs, err := fx.st.ReportFigures(ctx, fx.camp.ID)
	if err != nil {
		t.Fatal(err)
	}
	r := report.CampaignReport{ReportFigures: figs, GeneratedOn: fx.r.GeneratedOn}
	page := repPage1(t, r, "kk")
	if !strings.Contains(page, "Барлық іс-шаралар: "+strconv.Itoa(len(figs.Events))) {
		t.Errorf("the title page does not say there are %d events:\n%s", len(figs.Events), page)
	}
	text := repPDFText(t, r, "kk")
	for _, e := range figs.Events {
		// a long title wraps in its cell: its first words are on the date's line
		if repLine(text, report.ShortDate(e.HeldOn), e.TimeText, strings.Join(strings.Fields(e.TitleKK)[:2], " ")) == "" {
			t.Errorf("event %q on %s is not listed in full", e.TitleKK, report.ShortDate(e.HeldOn))
		}
	}
}

func TestWorkbookCoverage(t *testing.T) {
	fx := repOpen(t, data.DemoOptions{})
	c, p := repCoverage(t, fx)
	for _, lang := range []string{"kk", "ru"} {
		t.Run(lang, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(repWorkbook(t, fx.r, lang)))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheet := map[string]string{"kk": "Қамту", "ru": "Охват"}[lang]
			type line struct {
				label     string
				cur, prev int
			}
			var want []line
			for i, o := range [][2]int{{c.Found, p.Found}, {c.Placed, p.Placed}, {c.Referred, p.Referred},
				{c.Open, p.Open}, {c.Overdue, p.Overdue}} {
				want = append(want, line{repOutcomes[lang][i], o[0], o[1]})
			}
			for i, r := range data.CoverageReasons {
				want = append(want, line{repReasons[lang][i], c.ByReason[r], p.ByReason[r]})
			}
			for i, r := range data.CoverageReasons {
				want = append(want, line{repReasons[lang][i], c.ByReasonPlaced[r], p.ByReasonPlaced[r]})
			}
			for i, s := range data.CoverageSources {
				want = append(want, line{repSources[lang][i], c.BySource[s], p.BySource[s]})
			}
			rows := repRows(t, f, sheet)
			if got := len(rows) - 2; got != len(want) {
				t.Fatalf("%s has %d rows, want %d", sheet, got, len(want))
			}
			for i, w := range want {
				row := strconv.Itoa(3 + i)
				if got := rows[2+i][1]; got != w.label {
					t.Errorf("%s!B%s = %q, want %q", sheet, row, got, w.label)
				}
				if got := repNumber(t, f, sheet, "C"+row); got != int64(w.cur) {
					t.Errorf("%s %q = %d, want %d", sheet, w.label, got, w.cur)
				}
				if got := repNumber(t, f, sheet, "D"+row); got != int64(w.prev) {
					t.Errorf("%s %q in %d = %d, want %d", sheet, w.label, fx.camp.Year-1, got, w.prev)
				}
				if got := repNumber(t, f, sheet, "E"+row); got != int64(w.cur-w.prev) {
					t.Errorf("%s %q Δ = %d, want %d", sheet, w.label, got, w.cur-w.prev)
				}
			}
			// The summary ends with the children found and placed.
			sum := f.GetSheetList()[0]
			n := len(repRows(t, f, sum))
			for _, w := range want[:2] {
				found := false
				for row := 3; row <= n; row++ {
					if v, _ := f.GetCellValue(sum, "A"+strconv.Itoa(row)); v == w.label {
						found = repNumber(t, f, sum, "B"+strconv.Itoa(row)) == int64(w.cur) &&
							repNumber(t, f, sum, "C"+strconv.Itoa(row)) == int64(w.prev)
					}
				}
				if !found {
					t.Errorf("summary: no line %q with %d and %d", w.label, w.cur, w.prev)
				}
			}
		})
	}
}
