package report

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"
)

// WriteWorkbook writes the campaign's workbook for the mäslikhat: the
// summary with a native chart, then the tables by school, category × item,
// sponsor, appeal channel and the coverage of school-age children. Figures are numbers with number formats;
// each sheet has a frozen header, an autofilter, fitted columns and an A4
// landscape print setup. Sheets are written with excelize's stream writer.
func WriteWorkbook(w io.Writer, r CampaignReport, opt ReportOptions) error {
	lang := opt.lang()
	f := excelize.NewFile()
	defer f.Close()
	st, err := newWorkbookStyles(f)
	if err != nil {
		return err
	}
	sheets := []workSheet{summarySheet(r, lang), schoolSheet(r, lang), categorySheet(r, lang),
		sponsorSheet(r, lang), appealSheet(r, lang), coverageSheet(r, lang)}
	if len(r.Districts) > 0 {
		sheets = append(sheets[:1], append([]workSheet{districtSheet(r, lang)}, sheets[1:]...)...)
	}
	for i, sh := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", sh.name)
		} else {
			_, err = f.NewSheet(sh.name)
		}
		if err != nil {
			return fmt.Errorf("workbook sheet %s: %w", sh.name, err)
		}
		if err := writeSheet(f, sh, st); err != nil {
			return fmt.Errorf("workbook sheet %s: %w", sh.name, err)
		}
	}
	f.SetActiveSheet(0)
	created := r.GeneratedOn
	if created.IsZero() {
		created = time.Now()
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:       r.Campaign.Name(lang) + " — " + word(lang, "report_title"),
		Subject:     word(lang, "campaign_title"),
		Creator:     department(r.Settings, lang),
		Description: word(lang, "aggregates_only"),
		Keywords:    "Мектепке жол, " + fmt.Sprint(r.Campaign.Year),
		Category:    word(lang, "report_title"),
		Language:    map[string]string{"kk": "kk-KZ", "ru": "ru-RU"}[lang],
		Created:     created.UTC().Format(time.RFC3339),
		Modified:    created.UTC().Format(time.RFC3339),
	}); err != nil {
		return fmt.Errorf("workbook properties: %w", err)
	}
	return f.Write(w)
}

// cellKind says how a column's cells are formatted.
type cellKind int

const (
	kindText cellKind = iota
	kindNumber
	kindTenge
	kindPercent
)

// workSheet is one table: a title row, a header row, the data rows and,
// if total is set, a total row of SUM formulas under the numeric columns.
type workSheet struct {
	lang   string
	name   string
	title  string
	header []string
	kinds  []cellKind
	rows   [][]any
	total  bool
	// extra rows under the table (outside its filter), e.g. a chart's data.
	extra [][]any
	// before runs on the empty sheet before streaming: charts and the like.
	before func(f *excelize.File, sheet string) error
}

type workbookStyles struct {
	title, header, text, bold int
	byKind, boldByKind        map[cellKind]int
}

func newWorkbookStyles(f *excelize.File) (workbookStyles, error) {
	var st workbookStyles
	var err error
	border := []excelize.Border{{Type: "left", Color: "A0A0A0", Style: 1}, {Type: "right", Color: "A0A0A0", Style: 1},
		{Type: "top", Color: "A0A0A0", Style: 1}, {Type: "bottom", Color: "A0A0A0", Style: 1}}
	tenge := `#,##0 "₸"`
	number := "#,##0"
	percent := "0.0%"
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	st.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	st.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E1E8F0"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}})
	st.byKind, st.boldByKind = map[cellKind]int{}, map[cellKind]int{}
	for _, bold := range []bool{false, true} {
		font := &excelize.Font{Bold: bold}
		m := st.byKind
		if bold {
			m = st.boldByKind
		}
		m[kindText] = mk(&excelize.Style{Font: font, Border: border})
		m[kindNumber] = mk(&excelize.Style{Font: font, Border: border, CustomNumFmt: &number})
		m[kindTenge] = mk(&excelize.Style{Font: font, Border: border, CustomNumFmt: &tenge})
		m[kindPercent] = mk(&excelize.Style{Font: font, Border: border, CustomNumFmt: &percent})
	}
	return st, err
}
