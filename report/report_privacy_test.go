package report_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// repGrams indexes a text's runs of 1 to 10 words, lower-cased, so a
// search for thousands of names takes one lookup each, whatever breaks
// the text into lines or cells.
type repGrams map[string]bool

func repWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func repIndex(text string) repGrams {
	g := repGrams{}
	w := repWords(text)
	for n := 1; n <= 10; n++ {
		for i := 0; i+n <= len(w); i++ {
			g[strings.Join(w[i:i+n], " ")] = true
		}
	}
	return g
}

func (g repGrams) has(s string) bool {
	w := repWords(s)
	return len(w) > 0 && len(w) <= 10 && g[strings.Join(w, " ")]
}

// TestPublicOutputsHoldNoPersonalData searches the PDF report, every cell
// and property of the workbook and the press release, in both languages,
// for every demo child's name, IIN, address and guardian, for the coverage
// register's children not yet registered (names, IINs, addresses) and
// whoever found them, and for the private sponsors who did not consent to
// be named.
func TestPublicOutputsHoldNoPersonalData(t *testing.T) {
	ctx := context.Background()
	fx := repOpen(t, data.DemoOptions{})
	// The demo's unregistered children have no IIN: add two that do.
	for _, cc := range []data.CoverageCase{
		{ChildName: "Жолдасбекова Інжу Серікқызы", ChildIIN: "061211600012", Address: "Қарағанды қ., Ерубаев к-сі, 17-үй",
			Source: data.SourceRaid, Reason: data.ReasonHardship},
		{ChildName: "Прохоренко Всеволод Игнатьевич", ChildIIN: "791028302728", Address: "г. Караганда, ул. Гоголя, 5",
			Source: data.SourcePolice, SourceName: "Инспектор Мұқашев Ерболат", Reason: data.ReasonLeftSchool},
	} {
		cc.CampaignID, cc.FoundOn = fx.camp.ID, data.Date(2019, 9, 2)
		if err := fx.st.CreateCoverageCase(ctx, &cc); err != nil {
			t.Fatal(err)
		}
	}
	figs, err := fx.st.ReportFigures(ctx, fx.camp.ID)
	if err != nil {
		t.Fatal(err)
	}
	fx.r.ReportFigures = figs
	children, err := fx.st.FindChildren(ctx, data.ChildFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(children) < 1000 {
		t.Fatalf("only %d demo children", len(children))
	}
	// Names the sponsors allowed to be public may coincide with a child's
	// or guardian's name (the demo draws both from one list of names).
	var public []string
	for _, sp := range fx.r.Sponsors {
		if !sp.IsPerson() || sp.PublicConsent {
			public = append(public, strings.Join(repWords(sp.Name), " "))
		}
	}
	isPublic := func(secret string) bool {
		w := strings.Join(repWords(secret), " ")
		for _, p := range public {
			if strings.Contains(p, w) {
				return true
			}
		}
		return false
	}
	var secrets []string
	for _, c := range children {
		secrets = append(secrets, c.FullName(), c.Surname+" "+c.Name, string(c.IIN), c.Address, c.GuardianName, c.GuardianPhone)
	}
	cases, err := fx.st.FindCoverageCases(ctx, data.CoverageFilter{})
	if err != nil {
		t.Fatal(err)
	}
	unregistered, withIIN := 0, 0
	for _, c := range cases {
		if c.ChildID == 0 {
			unregistered++
			if c.ChildIIN != "" {
				withIIN++
			}
		}
		secrets = append(secrets, c.ChildName, c.ChildIIN, c.Address, c.SourceName)
	}
	if unregistered < 10 || withIIN < 2 {
		t.Fatalf("the coverage register has %d unregistered children, %d with an IIN: too few to check", unregistered, withIIN)
	}
	hidden := 0
	for _, sp := range fx.r.Sponsors {
		if sp.IsPerson() && !sp.PublicConsent {
			secrets = append(secrets, sp.Name, sp.BIN)
			hidden++
		}
	}
	if hidden == 0 {
		t.Fatal("the demo has no private sponsor without consent to check")
	}
	var named string // a sponsor the outputs must name: proves the search sees names
	for _, sp := range fx.r.Sponsors {
		if sp.IsPerson() && sp.PublicConsent {
			named = sp.Name
		}
	}
	outputs := map[string]string{}
	for _, lang := range []string{"kk", "ru"} {
		outputs["pdf "+lang] = repPDFPlainText(t, fx.r, lang)
		outputs["xlsx "+lang] = repWorkbookText(t, fx.r, lang)
		outputs["press "+lang] = report.PressRelease(fx.r, lang)
	}
	for name, text := range outputs {
		idx := repIndex(text)
		dept := fx.r.Settings.DepartmentKK
		if strings.HasSuffix(name, "ru") {
			dept = fx.r.Settings.DepartmentRU
		}
		if !idx.has(dept) {
			t.Fatalf("%s: the department's name is not found: the search is broken", name)
		}
		if !strings.HasPrefix(name, "press") && !idx.has(named) {
			t.Errorf("%s: the consenting sponsor %q is not named", name, named)
		}
		leaks := 0
		for _, s := range secrets {
			if s != "" && idx.has(s) && !isPublic(s) {
				if leaks++; leaks <= 5 {
					t.Errorf("%s holds personal data: %q", name, s)
				}
			}
		}
		if leaks > 5 {
			t.Errorf("%s: %d more leaks", name, leaks-5)
		}
	}
}

func repPDFPlainText(t *testing.T, r report.CampaignReport, lang string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WritePDFReport(&buf, r, report.ReportOptions{Lang: lang}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return repTool(t, "pdftotext", path, "-") + repTool(t, "pdfinfo", path)
}

// repWorkbookText is every cell of every sheet and the document properties.
func repWorkbookText(t *testing.T, r report.CampaignReport, lang string) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(repWorkbook(t, r, lang)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for _, cell := range row {
				b.WriteString(cell + "\n")
			}
		}
	}
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	b.WriteString(strings.Join([]string{p.Title, p.Subject, p.Creator, p.Description, p.Keywords, p.Category}, "\n"))
	return b.String()
}
