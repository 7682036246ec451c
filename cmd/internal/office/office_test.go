package office_test

import (
	"context"
	"errors"
	"fmt"
	"github.com/mektepkezhol/app/report/pdftest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/cmd/internal/office"
	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// mustDemo opens a small demo database in a temporary folder and returns
// its newest campaign.
func mustDemo(tb testing.TB) (*data.Store, data.Campaign) {
	tb.Helper()
	st, err := data.Open(filepath.Join(tb.TempDir(), "office.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	ctx := context.Background()
	if err := st.FillDemo(ctx, data.DemoOptions{Children: 300, Sponsors: 20, Distributions: 300}); err != nil {
		tb.Fatal(err)
	}
	c, err := st.FindCampaignByYear(ctx, 2019)
	if err != nil {
		tb.Fatal(err)
	}
	return st, c
}

func letterCount(t *testing.T, st *data.Store, c data.Campaign) int {
	t.Helper()
	ls, err := st.FindLetters(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return len(ls)
}

func TestPrintLettersUnthanked(t *testing.T) {
	st, c := mustDemo(t)
	ctx := context.Background()
	want, err := st.FindSponsors(ctx, data.SponsorFilter{CampaignID: c.ID, Unthanked: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("the demo has no unthanked donor to test with")
	}
	before := letterCount(t, st, c)
	out := filepath.Join(t.TempDir(), "Алғыс хаттар.pdf")
	var calls, last int
	res, err := office.PrintLetters(ctx, st, c, office.LettersRequest{Unthanked: true, Lang: "kk", Out: out},
		func(done, total int) { calls, last = calls+1, done })
	if err != nil {
		t.Fatal(err)
	}
	if res.Issued != len(want) || res.Reprinted != 0 || len(res.Files) != 1 || res.Files[0] != out {
		t.Fatalf("result %+v, want %d new letters in %s", res, len(want), out)
	}
	if got := pdftest.Pages(t, out); got != len(want) {
		t.Fatalf("pages=%d, want %d", got, len(want))
	}
	if got := letterCount(t, st, c); got != before+len(want) {
		t.Fatalf("register rows=%d, want %d", got, before+len(want))
	}
	// A retried transaction (MEKTEPKEZHOL_TX_REPLAY) renders, and reports, again,
	// and the refused run's file goes: only the letters are left in the folder.
	if calls == 0 || calls%len(want) != 0 || last != len(want) {
		t.Fatalf("progress called %d times, last %d; want %d each run", calls, last, len(want))
	}
	if left, _ := os.ReadDir(filepath.Dir(out)); len(left) != 1 {
		t.Fatalf("the folder holds %d files, want the letters' PDF alone", len(left))
	}
	// Now every donor is thanked: nothing left to print.
	_, err = office.PrintLetters(ctx, st, c, office.LettersRequest{Unthanked: true, Lang: "kk", Out: out + "2"}, nil)
	if !errors.Is(err, office.ErrNoDonors) {
		t.Fatalf("second batch: %v, want ErrNoDonors", err)
	}
}

func TestPrintLettersCancelLeavesNothing(t *testing.T) {
	st, c := mustDemo(t)
	before := letterCount(t, st, c)
	for _, tc := range []struct {
		name string
		req  office.LettersRequest
	}{
		{"one file", office.LettersRequest{Lang: "both", Out: filepath.Join(t.TempDir(), "all.pdf")}},
		{"one per sponsor", office.LettersRequest{Lang: "kk", OutDir: filepath.Join(t.TempDir(), "each")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			_, err := office.PrintLetters(ctx, st, c, tc.req, func(done, _ int) {
				if done == 2 {
					cancel()
				}
			})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err=%v, want cancelled", err)
			}
			dir := filepath.Dir(tc.req.Out)
			if tc.req.OutDir != "" {
				dir = tc.req.OutDir
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Fatalf("files left behind: %v", left)
			}
			if _, err := os.Stat(tc.req.OutDir); tc.req.OutDir != "" && !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("the batch's folder is left behind (%v)", err)
			}
			if got := letterCount(t, st, c); got != before {
				t.Fatalf("register rows=%d, want %d", got, before)
			}
		})
	}
}

func TestPrintLettersMissingHead(t *testing.T) {
	st, c := mustDemo(t)
	ctx := context.Background()
	s, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.HeadName = " "
	if err := st.SaveSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	before := letterCount(t, st, c)
	out := filepath.Join(t.TempDir(), "x.pdf")
	_, err = office.PrintLetters(ctx, st, c, office.LettersRequest{Lang: "ru", Out: out}, nil)
	var ve *data.ValidationError
	if !errors.Is(err, report.ErrLetterSettings) || !errors.As(err, &ve) || ve.Field != "head_name" {
		t.Fatalf("err=%v, want the missing head_name", err)
	}
	if err := office.CheckLetterSettings(ctx, st, "kk"); !errors.As(err, &ve) || ve.Field != "head_name" {
		t.Fatalf("CheckLetterSettings: %v", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a file was written: %v", err)
	}
	if got := letterCount(t, st, c); got != before {
		t.Fatalf("register rows=%d, want %d", got, before)
	}
}

func TestWriteReportFiguresEqualSummary(t *testing.T) {
	st, c := mustDemo(t)
	ctx := context.Background()
	sum, err := st.Summary(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pdf, xlsx := filepath.Join(dir, "press.pdf"), filepath.Join(dir, "mäslikhat.xlsx")
	if err := office.WriteReport(ctx, st, c.ID, "pdf", "kk", pdf); err != nil {
		t.Fatal(err)
	}
	text := pdftest.Text(t, pdf)
	for _, n := range []int64{sum.MoneyTenge, int64(sum.ChildrenHelped), sum.InKindValueTenge, sum.ItemsDistributed} {
		if !strings.Contains(text, data.FormatNumber(n)) { // pdftotext reads the non-breaking spaces as spaces
			t.Errorf("the PDF lacks %s", data.FormatNumber(n))
		}
	}
	if err := office.WriteReport(ctx, st, c.ID, "xlsx", "ru", xlsx); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := f.GetCellValue("Свод", "B5", excelize.Options{RawCellValue: true})
	if want := strconv.FormatInt(sum.MoneyTenge, 10); err != nil || strings.ReplaceAll(v, " ", "") != want {
		t.Errorf("Свод!B5=%q (%v), want the money raised %s", v, err, want)
	}
	for _, p := range []string{pdf, xlsx} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v (%v), want 0644", p, fi.Mode().Perm(), err)
		}
	}
	text2, err := office.PressRelease(ctx, st, c.ID, "kk")
	if err != nil || !strings.Contains(text2, report.PressMoney(sum.MoneyTenge, "kk")) {
		t.Errorf("press release lacks the money %q (%v):\n%s", report.PressMoney(sum.MoneyTenge, "kk"), err, text2)
	}
}

func TestWriteHandoverIsPrivate(t *testing.T) {
	st, c := mustDemo(t)
	ctx := context.Background()
	ds, err := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: c.ID})
	if err != nil || len(ds) == 0 {
		t.Fatalf("distributions: %d, %v", len(ds), err)
	}
	sc, err := st.FindSchoolByNumber(ctx, ds[0].SchoolNumber)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "handover.pdf")
	n, err := office.WriteHandover(ctx, st, c, sc.Number, data.Day(ds[0].GivenOn), "kk", path)
	if err != nil || n == 0 {
		t.Fatalf("WriteHandover: %d children, %v", n, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	_, err = office.WriteHandover(ctx, st, c, sc.Number, data.Date(2001, 1, 1), "kk", path+"2")
	if !errors.Is(err, office.ErrNothingGiven) {
		t.Fatalf("a day with nothing given: %v", err)
	}
}

func TestPreviewLetterRegistersNothing(t *testing.T) {
	st, c := mustDemo(t)
	ctx := context.Background()
	before := letterCount(t, st, c)
	tpl := report.DefaultLetterTemplate()
	tpl.WishesKK = "Сәттілік тілейміз, {{sponsor}}!"
	path := filepath.Join(t.TempDir(), "preview.pdf")
	if err := office.PreviewLetter(ctx, st, c, tpl, "kk", false, path); err != nil {
		t.Fatal(err)
	}
	if got := pdftest.Pages(t, path); got != 1 {
		t.Fatalf("pages=%d, want 1", got)
	}
	text, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil || !strings.Contains(strings.Join(strings.Fields(string(text)), " "), "Сәттілік тілейміз") {
		t.Fatalf("the preview lacks the unsaved wishes (%v):\n%s", err, text)
	}
	if got := letterCount(t, st, c); got != before {
		t.Fatalf("register rows=%d, want %d", got, before)
	}
	tpl.BodyKK = "{{nope}}"
	if err := office.PreviewLetter(ctx, st, c, tpl, "kk", false, path+"2"); err == nil {
		t.Fatal("an unknown placeholder was previewed")
	}
}

// BenchmarkPrintLetters100 registers and prints a hundred letters into one
// PDF (reprints with their numbers after the first run).
func BenchmarkPrintLetters100(b *testing.B) {
	st, err := data.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.FillDemo(ctx, data.DemoOptions{Children: 300, Sponsors: 120, Distributions: 300}); err != nil {
		b.Fatal(err)
	}
	c, err := st.FindCampaignByYear(ctx, 2019)
	if err != nil {
		b.Fatal(err)
	}
	donors, err := st.FindSponsors(ctx, data.SponsorFilter{CampaignID: c.ID, OnlyDonors: true})
	if err != nil || len(donors) < 100 {
		b.Fatalf("donors: %d, %v", len(donors), err)
	}
	ids := make([]int64, 100)
	for i := range ids {
		ids[i] = donors[i].ID
	}
	out := filepath.Join(b.TempDir(), "letters.pdf")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := office.PrintLetters(ctx, st, c, office.LettersRequest{SponsorIDs: ids, Lang: "kk", Out: out}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPrintLettersRetriedLeavesOneSet runs every write transaction twice,
// the first run refused as the server refuses one (MEKTEPKEZHOL_TX_REPLAY):
// the folder then holds the batch's files once, under their final names,
// one page a letter, and nothing of the refused run.
func TestPrintLettersRetriedLeavesOneSet(t *testing.T) {
	t.Setenv(data.EnvTxReplay, "1")
	for _, tc := range []struct {
		name string
		each bool
	}{{"one file", false}, {"one per sponsor", true}} {
		t.Run(tc.name, func(t *testing.T) {
			st, c := mustDemo(t)
			ctx := context.Background()
			dir := filepath.Join(t.TempDir(), "хаттар")
			req := office.LettersRequest{Lang: "kk", OutDir: dir}
			if !tc.each {
				req = office.LettersRequest{Lang: "kk", Out: filepath.Join(t.TempDir(), "all.pdf")}
				dir = filepath.Dir(req.Out)
			}
			res, err := office.PrintLetters(ctx, st, c, req, nil)
			if err != nil {
				t.Fatal(err)
			}
			register, err := st.FindLetters(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]int{filepath.Base(req.Out): len(register)} // file → pages
			if tc.each {
				want = map[string]int{}
				for _, l := range register {
					sp, err := st.FindSponsorByID(ctx, l.SponsorID)
					if err != nil {
						t.Fatal(err)
					}
					want[fmt.Sprintf("%04d_%s.pdf", l.Number, office.FileSafe(sp.Name))] = 1
				}
			}
			if res.Issued != len(register) || len(res.Files) != len(want) {
				t.Fatalf("result: %d issued, %d files; the register has %d letters, want %d files",
					res.Issued, len(res.Files), len(register), len(want))
			}
			left, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range left {
				pages, ok := want[e.Name()]
				if !ok {
					t.Fatalf("%s is left in the folder, beside the %d letter files", e.Name(), len(want))
				}
				if got := pdftest.Pages(t, filepath.Join(dir, e.Name())); got != pages {
					t.Fatalf("%s: %d pages, want %d", e.Name(), got, pages)
				}
				if fi, err := e.Info(); err != nil || fi.Mode().Perm() != 0o600 {
					t.Fatalf("%s: mode %v (%v), want 0600", e.Name(), fi.Mode(), err)
				}
			}
			if len(left) != len(want) {
				t.Fatalf("the folder holds %d entries, want the %d letter files", len(left), len(want))
			}
		})
	}
}
