package report_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/lingo"
	"github.com/mektepkezhol/app/report"
)

// repFixture is the city demo (with its 2018 campaign) and the 2019
// campaign's report figures, as the CLI gathers them.
type repFixture struct {
	st   *data.Store
	camp data.Campaign
	r    report.CampaignReport
}

func repOpen(tb testing.TB, opt data.DemoOptions) repFixture {
	tb.Helper()
	ctx := context.Background()
	st, err := data.Open(filepath.Join(tb.TempDir(), "demo.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	if err := st.FillDemo(ctx, opt); err != nil {
		tb.Fatal(err)
	}
	c, err := st.FindCampaignByYear(ctx, 2019)
	if err != nil {
		tb.Fatal(err)
	}
	figs, err := st.ReportFigures(ctx, c.ID)
	if err != nil {
		tb.Fatal(err)
	}
	return repFixture{st: st, camp: c, r: report.CampaignReport{ReportFigures: figs, GeneratedOn: data.Date(2019, 9, 30)}}
}

// repTool runs a tool the tests need; poppler-utils are part of the build
// environment, so a missing tool fails the test rather than skipping it.
func repTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func repPDFText(t *testing.T, r report.CampaignReport, lang string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WritePDFReport(&buf, r, report.ReportOptions{Lang: lang}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report-"+lang+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if fonts := repTool(t, "pdffonts", path); !strings.Contains(fonts, "DejaVuSans") && !strings.Contains(fonts, "utf8sans") {
		t.Fatalf("report font not embedded:\n%s", fonts)
	}
	return repTool(t, "pdftotext", "-layout", path, "-")
}

// repLine returns the first line of text holding all the parts, or "".
func repLine(text string, parts ...string) string {
	for _, line := range strings.Split(text, "\n") {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(line, p)
		}
		if ok {
			return line
		}
	}
	return ""
}

func TestPDFReportFigures(t *testing.T) {
	fx := repOpen(t, data.DemoOptions{})
	s := fx.r.Summary
	if fx.r.Previous == nil {
		t.Fatal("the demo's 2018 campaign is not found as the previous one")
	}
	p := fx.r.Previous.Summary
	for _, lang := range []string{"kk", "ru"} {
		t.Run(lang, func(t *testing.T) {
			text := repPDFText(t, fx.r, lang)
			key := []struct {
				label     map[string]string
				cur, prev int64
			}{
				{map[string]string{"kk": "Көмек алған балалар", "ru": "Дети, получившие помощь"}, int64(s.ChildrenHelped), int64(p.ChildrenHelped)},
				{map[string]string{"kk": "Жиналған қаражат", "ru": "Собрано средств"}, s.MoneyTenge, p.MoneyTenge},
				{map[string]string{"kk": "Балаларға берілген заттар", "ru": "Выдано вещей детям"}, s.ItemsDistributed, p.ItemsDistributed},
				{map[string]string{"kk": "Демеушілер", "ru": "Спонсоры"}, int64(s.Sponsors), int64(p.Sponsors)},
				{map[string]string{"kk": "Өтініштер", "ru": "Обращения"}, int64(s.Appeals.Total), int64(p.Appeals.Total)},
				{map[string]string{"kk": "Берілген алғыс хаттар", "ru": "Выдано благодарственных писем"}, int64(s.Letters), int64(p.Letters)},
			}
			for _, k := range key {
				want := []string{k.label[lang], plain(report.Number(k.cur)), plain(report.Number(k.prev)),
					plain(report.Signed(k.cur - k.prev)), plain(report.Change(k.cur, k.prev))}
				if repLine(text, want...) == "" {
					t.Errorf("no line with %q", want)
				}
			}
			for _, c := range fx.r.Categories {
				n := plain(report.Number(int64(s.HelpedByCategory[c.Code])))
				if repLine(text, c.Name(lang), n) == "" {
					t.Errorf("category %s: no line with %q and %s helped", c.Code, c.Name(lang), n)
				}
			}
			for _, it := range fx.r.Items {
				if n := plain(report.Number(s.ItemsByKind[it.Code])); repLine(text, it.Name(lang), n) == "" {
					t.Errorf("item %s: no line with %q and %s", it.Code, it.Name(lang), n)
				}
			}
			for _, ch := range data.AppealChannels {
				// the channel's row ends with its total
				if n := plain(report.Number(int64(s.Appeals.ByChannel[ch]))); !strings.Contains(text, " "+n+"\n") {
					t.Errorf("appeals by %s: total %s not found", ch, n)
				}
			}
			// The schools' table ends with the totals of the store's summary.
			total := map[string]string{"kk": "Барлығы", "ru": "Всего"}[lang]
			if repLine(text, total, plain(report.Number(int64(s.Children))), plain(report.Number(int64(s.ChildrenHelped))),
				plain(report.Number(s.ItemsDistributed))) == "" {
				t.Errorf("no schools' total line with %d children, %d helped, %d items", s.Children, s.ChildrenHelped, s.ItemsDistributed)
			}
			if !strings.Contains(text, fx.camp.Name(lang)) || !strings.Contains(text, fx.camp.Slogan) {
				t.Errorf("title page lacks the campaign %q or slogan %q", fx.camp.Name(lang), fx.camp.Slogan)
			}
		})
	}
}

func TestPDFReportWithoutPreviousCampaign(t *testing.T) {
	fx := repOpen(t, data.DemoOptions{Children: 300, Sponsors: 20, Distributions: 400})
	r := fx.r
	r.Previous = nil
	text := repPDFText(t, r, "kk")
	if strings.Contains(text, "Δ") {
		t.Error("a report without a previous campaign shows a comparison")
	}
	if repLine(text, "Көмек алған балалар", report.Number(int64(r.Summary.ChildrenHelped))) == "" {
		t.Errorf("children helped %d not found", r.Summary.ChildrenHelped)
	}
}

func TestPressRelease(t *testing.T) {
	fx := repOpen(t, data.DemoOptions{})
	s := fx.r.Summary
	for _, lang := range []string{"kk", "ru"} {
		t.Run(lang, func(t *testing.T) {
			text := report.PressRelease(fx.r, lang)
			for _, want := range []string{
				report.Number(int64(s.ChildrenHelped)), report.Number(s.ItemsDistributed), report.Number(int64(s.Sponsors)),
				report.PressMoney(s.MoneyTenge, lang), report.Number(int64(s.Appeals.Total)),
				report.Number(int64(s.Appeals.Resolved)), report.Number(int64(s.Letters)), fx.camp.Slogan,
				fmt.Sprint(fx.r.Previous.Campaign.Year),
			} {
				if !strings.Contains(text, want) {
					t.Errorf("press release lacks %q:\n%s", want, text)
				}
			}
			for _, bad := range []string{"%!", "..", "{{"} {
				if strings.Contains(text, bad) {
					t.Errorf("press release holds %q:\n%s", bad, text)
				}
			}
		})
	}
}

func TestPressMoney(t *testing.T) {
	tests := []struct {
		n    int64
		lang string
		want string
	}{
		{140_000_000, "kk", "140 млн теңге"},
		{83_665_000, "ru", "83,7 млн тенге"},
		{2_800_000_000, "kk", "2,8 млрд теңге"},
		{250_000, "ru", "250 000 тенге"},
	}
	for _, tt := range tests {
		if got := plain(report.PressMoney(tt.n, tt.lang)); got != tt.want {
			t.Errorf("PressMoney(%d, %s) = %q, want %q", tt.n, tt.lang, got, tt.want)
		}
	}
}

func TestPressReleaseEventsAndCoverage(t *testing.T) {
	ctx := context.Background()
	fx := repOpen(t, data.DemoOptions{Children: 300, Sponsors: 20, Distributions: 400})
	events, err := fx.st.FindEvents(ctx, fx.camp.ID)
	if err != nil {
		t.Fatal(err)
	}
	var pc data.Event
	for _, e := range events {
		if e.Kind == data.EventPressConference {
			pc = e
		}
	}
	cov, err := fx.st.CoverageFigures(ctx, fx.camp.ID)
	if err != nil {
		t.Fatal(err)
	}
	if pc.ID == 0 || cov.Found == 0 {
		t.Fatalf("the demo has no press conference (%+v) or no coverage cases (%+v)", pc, cov)
	}
	school := ""
	for _, s := range fx.r.Schools {
		if s.SchoolID == pc.SchoolID {
			school = s.NameRU
		}
	}
	if school != "Гимназия №3" {
		t.Fatalf("the demo's press conference is at %q; the wanted Russian below is written for «Гимназия №3»", school)
	}
	tests := []struct {
		lang      string
		generated time.Time
		want      []string
	}{
		{"kk", data.Date(2019, 10, 1), []string{"2019 жылғы 30 қыркүйекте " + pc.Place + "да", "өткізілді",
			"биыл 1 шілдеден 30 қыркүйекке дейін",
			fmt.Sprintf("мектептен тыс қалған мектеп жасындағы %s бала анықталды: оның %s мектепке орналастырылды",
				plain(report.Number(int64(cov.Found))), plain(lingo.KK.Numeral(int64(cov.Placed), lingo.Possessive))), "қатысты."}},
		{"ru", data.Date(2019, 10, 1), []string{"30 сентября 2019 г. в гимназии №3 состоялась",
			"в этом году прошла с 1 июля по 30 сентября",
			fmt.Sprintf("не охваченных обучением; из них %s устроены в школы", plain(report.Number(int64(cov.Placed)))),
			"приняли участие"}},
		{"kk", data.Date(2019, 9, 25), []string{"сағат " + pc.TimeText, "өткізіледі", "қатысады."}},
		{"ru", data.Date(2019, 9, 25), []string{report.LongDate(pc.HeldOn, "ru") + " в " + pc.TimeText + " в гимназии №3 состоится"}},
	}
	for _, tt := range tests {
		r := fx.r
		r.GeneratedOn = tt.generated
		text := plain(report.PressRelease(r, tt.lang))
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s release of %s lacks %q:\n%s", tt.lang, report.ShortDate(tt.generated), w, text)
			}
		}
	}
	// Without events the release says the campaign ended, as before.
	r := fx.r
	r.Events = nil
	if text := report.PressRelease(r, "kk"); strings.Contains(text, "баспасөз-конференциясы") || !strings.Contains(text, "аяқталды") {
		t.Errorf("a release without events:\n%s", text)
	}
}

// plain writes the non-breaking spaces of a document's numbers as the
// plain spaces pdftotext reads them back as.
func plain(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

// TestPressReleaseOfAnotherOffice: the department, the city and the
// council come from the office's settings, declined by the grammar, so
// another city's office prints no «Қарағанды».
func TestPressReleaseOfAnotherOffice(t *testing.T) {
	fx := repOpen(t, data.DemoOptions{})
	r := fx.r
	r.Settings.DepartmentKK = "Теміртау қаласының білім бөлімі"
	r.Settings.DepartmentRU = "Отдел образования города Темиртау"
	r.Settings.CityKK, r.Settings.CityRU = "Теміртау", "Темиртау"
	r.Events = nil // the closing paragraph then names the participants itself
	for lang, wants := range map[string][]string{
		"kk": {"Теміртау қаласының білім бөлімінің Алғыс хаттары берілді.",
			"Акцияға Теміртау қалалық мәслихатының,", "Теміртау\u00a0қ., "},
		"ru": {"Благодарственные письма отдела образования города Темиртау вручены ",
			"представители маслихата города Темиртау, ",
			"г.\u00a0Темиртау, "},
	} {
		text := report.PressRelease(r, lang)
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s: press release lacks %q:\n%s", lang, want, text)
			}
		}
		if strings.Contains(text, "Қарағанд") || strings.Contains(text, "Караганд") {
			t.Errorf("%s: press release names Karaganda for Temirtau's office:\n%s", lang, text)
		}
	}
}
