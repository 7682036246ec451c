package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// demoDB makes the city demo in a temporary folder.
func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := cli(t, "--db", db, "demo"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	return db
}

func demoSummary(t *testing.T, db string) data.Summary {
	t.Helper()
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.FindCampaignByYear(context.Background(), 2019)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := st.Summary(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func TestReportCommand(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	pdf, xlsx := filepath.Join(dir, "report.pdf"), filepath.Join(dir, "report.xlsx")
	if code, out, stderr := cli(t, "--db", db, "report", "--campaign", "2019", "--format", "pdf", "--out", pdf); code != 0 ||
		strings.TrimSpace(out) != pdf {
		t.Fatalf("report pdf: exit %d, %q: %s", code, out, stderr)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("report pdf is not a PDF (%v)", err)
	}
	if code, _, stderr := cli(t, "--db", db, "report", "--campaign", "2019", "--format", "xlsx", "--lang", "ru", "--out", xlsx); code != 0 {
		t.Fatalf("report xlsx: exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := f.GetCellValue("Свод", "B5", excelize.Options{RawCellValue: true})
	if want := demoSummary(t, db).MoneyTenge; err != nil || v != data.FormatNumber(want) && v != strings.ReplaceAll(data.FormatNumber(want), " ", "") {
		t.Errorf("Свод!B5 = %q (%v), want the money raised %d", v, err, want)
	}
	for _, path := range []string{pdf, xlsx} {
		// aggregates only: the public report may be shared
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v (%v), want 0644", path, fi.Mode().Perm(), err)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}

	bad := []struct {
		name string
		args []string
		code int
	}{
		{"no format", []string{"report", "--campaign", "2019", "--out", pdf}, exitUsage},
		{"bad format", []string{"report", "--campaign", "2019", "--format", "docx", "--out", pdf}, exitUsage},
		{"bad lang", []string{"report", "--campaign", "2019", "--format", "pdf", "--lang", "en", "--out", pdf}, exitUsage},
		{"no out", []string{"report", "--campaign", "2019", "--format", "pdf"}, exitUsage},
		{"no campaign", []string{"report", "--format", "pdf", "--out", pdf}, exitUsage},
		{"unknown campaign", []string{"report", "--campaign", "2031", "--format", "pdf", "--out", pdf}, exitProblems},
		{"press bad lang", []string{"press-release", "--campaign", "2019", "--lang", "en"}, exitUsage},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, stderr := cli(t, append([]string{"--db", db}, tt.args...)...); code != tt.code {
				t.Errorf("exit %d, want %d: %s", code, tt.code, stderr)
			}
		})
	}
}

func TestPressReleaseCommand(t *testing.T) {
	db := demoDB(t)
	sum := demoSummary(t, db)
	for _, lang := range []string{"kk", "ru"} {
		code, out, stderr := cli(t, "--db", db, "press-release", "--campaign", "2019", "--lang", lang, "--date", "01.10.2019")
		if code != 0 {
			t.Fatalf("press-release %s: exit %d: %s", lang, code, stderr)
		}
		dated := map[string]string{"kk": "Қарағанды\u00a0қ., 01.10.2019\n", "ru": "г.\u00a0Караганда, 01.10.2019\n"}[lang]
		for _, want := range []string{report.Number(int64(sum.ChildrenHelped)), report.PressMoney(sum.MoneyTenge, lang),
			report.Number(int64(sum.Letters)), dated} {
			if !strings.Contains(out, want) {
				t.Errorf("press-release %s lacks %q", lang, want)
			}
		}
	}
}

func TestHandoverCommand(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "school7.pdf")
	// A file left readable by all is replaced by one only its owner reads.
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := cli(t, "--db", db, "handover", "--campaign", "2019", "--school", "7", "--out", out)
	if code != 0 || !strings.Contains(stdout, "children") {
		t.Fatalf("handover: exit %d, %q: %s", code, stdout, stderr)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("handover sheet mode %v, want 0600: it holds children's names", fi.Mode().Perm())
	}
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "%PDF-") {
		t.Error("handover sheet is not a PDF")
	}
	none := filepath.Join(dir, "none.pdf")
	if code, _, stderr := cli(t, "--db", db, "handover", "--campaign", "2019", "--school", "7", "--date", "01.01.2019",
		"--out", none); code != exitProblems || !strings.Contains(stderr, "gave nothing") {
		t.Errorf("handover on a day without distributions: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(none); !os.IsNotExist(err) {
		t.Errorf("a sheet was written for a day without distributions (%v)", err)
	}
	for _, args := range [][]string{
		{"handover", "--campaign", "2019", "--out", out},
		{"handover", "--campaign", "2019", "--school", "7"},
		{"handover", "--campaign", "2019", "--school", "7", "--date", "31/02/2019", "--out", out},
	} {
		if code, _, _ := cli(t, append([]string{"--db", db}, args...)...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
