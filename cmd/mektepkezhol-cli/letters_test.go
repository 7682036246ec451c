package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/mektepkezhol/app/report/pdftest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// lettersDemo makes a small demo database and returns its path and the
// campaign's donors.
func lettersDemo(t *testing.T) (string, []data.SponsorRow) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, stderr := cli(t, "--db", db, "demo", "--children", "300", "--sponsors", "12", "--distributions", "400"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	st, c := openCampaign(t, db)
	donors, err := st.FindSponsors(context.Background(), data.SponsorFilter{CampaignID: c.ID, OnlyDonors: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(donors) < 3 {
		t.Fatalf("demo has %d donors", len(donors))
	}
	return db, donors
}

func openCampaign(t *testing.T, db string) (*data.Store, data.Campaign) {
	t.Helper()
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c, err := st.FindCampaignByYear(context.Background(), 2019)
	if err != nil {
		t.Fatal(err)
	}
	return st, c
}

// letterRegister returns the campaign's letter numbers by sponsor.
func letterRegister(t *testing.T, db string) map[int64]int {
	t.Helper()
	st, c := openCampaign(t, db)
	ls, err := st.FindLetters(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]int{}
	for _, l := range ls {
		out[l.SponsorID] = l.Number
	}
	return out
}

func TestLettersBatchAndReprint(t *testing.T) {
	db, donors := lettersDemo(t)
	dir := t.TempDir()
	st, c := openCampaign(t, db)
	unthanked, err := st.FindSponsors(context.Background(), data.SponsorFilter{CampaignID: c.ID, Unthanked: true})
	if err != nil {
		t.Fatal(err)
	}
	before := letterRegister(t, db) // the demo has thanked some donors already
	if len(unthanked) < 2 || len(before)+len(unthanked) != len(donors) {
		t.Fatalf("demo: %d donors, %d thanked, %d unthanked", len(donors), len(before), len(unthanked))
	}
	code, out, stderr := cli(t, "--db", db, "letters", "--campaign", "2019", "--unthanked")
	if code != 0 || strings.Count(out, "\n") != len(unthanked)+1 {
		t.Fatalf("--unthanked: exit %d, %d lines for %d unthanked: %s%s", code, strings.Count(out, "\n"), len(unthanked), out, stderr)
	}
	for _, sp := range unthanked {
		if !strings.Contains(out, sp.Name) {
			t.Fatalf("--unthanked does not list %q:\n%s", sp.Name, out)
		}
	}
	// Two unthanked sponsors first: they take the next two numbers.
	first, second := unthanked[0].ID, unthanked[1].ID
	next := len(before) + 1
	two := filepath.Join(dir, "two.pdf")
	if code, _, stderr := cli(t, "--db", db, "letters", "--campaign", "2019", "--sponsor", fmt.Sprint(first),
		"--sponsor", fmt.Sprint(second), "--out", two); code != 0 {
		t.Fatalf("letters for two: exit %d: %s", code, stderr)
	}
	if got := pdftest.Pages(t, two); got != 2 {
		t.Fatalf("pages=%d, want 2", got)
	}
	if reg := letterRegister(t, db); len(reg) != len(before)+2 || reg[first] != next || reg[second] != next+1 {
		t.Fatalf("register after two letters: %v, want #%d=%d, #%d=%d", reg, first, next, second, next+1)
	}
	// Then every donor: the thanked keep their numbers, the others follow.
	all := filepath.Join(dir, "all.pdf")
	code, out, stderr = cli(t, "--db", db, "letters", "--campaign", "2019", "--lang", "both", "--out", all)
	if code != 0 {
		t.Fatalf("letters for all: exit %d: %s", code, stderr)
	}
	if want := fmt.Sprintf("(%d new, %d reprinted", len(unthanked)-2, len(before)+2); !strings.Contains(out, want) {
		t.Fatalf("output %q, want %q", out, want)
	}
	if got := pdftest.Pages(t, all); got != len(donors) {
		t.Fatalf("pages=%d, want %d donors", got, len(donors))
	}
	reg := letterRegister(t, db)
	seen := map[int]bool{}
	for _, n := range reg {
		seen[n] = true
	}
	if len(reg) != len(donors) || len(seen) != len(donors) || reg[first] != next || reg[second] != next+1 || !seen[len(donors)] {
		t.Fatalf("register %v: want numbers 1..%d, earlier ones kept", reg, len(donors))
	}
	for id, n := range before {
		if reg[id] != n {
			t.Fatalf("sponsor #%d: number %d became %d on reprint", id, n, reg[id])
		}
	}
	if fi, err := os.Stat(all); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("combined PDF: %v, mode %v", err, fi.Mode())
	}
	// Everyone is thanked now.
	if code, out, _ := cli(t, "--db", db, "letters", "--campaign", "2019", "--unthanked"); code != 0 || strings.Count(out, "\n") != 1 {
		t.Fatalf("--unthanked after the batch: exit %d: %s", code, out)
	}
	// One file per sponsor, reprinted under its number.
	perDir := filepath.Join(dir, "each")
	if code, _, stderr := cli(t, "--db", db, "letters", "--campaign", "2019", "--sponsor", fmt.Sprint(second), "--out-dir", perDir); code != 0 {
		t.Fatalf("--out-dir: exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(perDir, "*.pdf"))
	if len(files) != 1 || !strings.HasPrefix(filepath.Base(files[0]), fmt.Sprintf("%04d_", next+1)) || pdftest.Pages(t, files[0]) != 1 {
		t.Fatalf("--out-dir wrote %v", files)
	}
	if got := letterRegister(t, db); len(got) != len(donors) {
		t.Fatalf("a reprint added register rows: %d, want %d", len(got), len(donors))
	}
}

// TestLettersFailLeaveNothing: missing settings and a cancelled run leave
// no file, no temporary file and no register row.
func TestLettersFailLeaveNothing(t *testing.T) {
	db, _ := lettersDemo(t)
	dir := t.TempDir()
	st, _ := openCampaign(t, db)
	before := letterRegister(t, db)
	ctx := context.Background()
	s, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.HeadName = ""
	if err := st.SaveSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "letters.pdf")
	code, _, stderr := cli(t, "--db", db, "letters", "--campaign", "2019", "--out", out)
	if code != exitProblems || !strings.Contains(stderr, "руководителя отдела") {
		t.Fatalf("missing head: exit %d: %s", code, stderr)
	}
	s.HeadName = "Ж. Қ. Смағұлова"
	if err := st.SaveSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	var sink strings.Builder
	if code := run(cancelled, []string{"--db", db, "letters", "--campaign", "2019", "--out-dir", dir}, &sink, &sink); code == 0 {
		t.Fatalf("a cancelled run succeeded: %s", sink.String())
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("files left behind: %v", left)
	}
	if reg := letterRegister(t, db); len(reg) != len(before) {
		t.Fatalf("register rows written: %v, before %v", reg, before)
	}
}

func TestLettersCalibrationAndUsage(t *testing.T) {
	db, _ := lettersDemo(t)
	cal := filepath.Join(t.TempDir(), "cal.pdf")
	if code, _, stderr := cli(t, "--db", db, "letters", "--calibrate", "--out", cal); code != 0 || pdftest.Pages(t, cal) != 1 {
		t.Fatalf("--calibrate: exit %d: %s", code, stderr)
	}
	for _, args := range [][]string{
		{"--campaign", "2019"},
		{"--campaign", "2019", "--out", "a.pdf", "--out-dir", "d"},
		{"--campaign", "2019", "--lang", "en", "--out", "a.pdf"},
		{"--calibrate"},
	} {
		if code, _, _ := cli(t, append([]string{"--db", db, "letters"}, args...)...); code != exitUsage {
			t.Errorf("letters %v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, stderr := cli(t, "--db", db, "letters", "--campaign", "2019", "--sponsor", "999999", "--out",
		filepath.Join(t.TempDir(), "x.pdf")); code != exitProblems || !strings.Contains(stderr, "999999") {
		t.Fatalf("unknown sponsor: exit %d: %s", code, stderr)
	}
}

// TestLettersCancelMidBatch cancels a one-file-per-sponsor batch after two
// files were written: they are removed and no register row is kept.
func TestLettersCancelMidBatch(t *testing.T) {
	db, _ := lettersDemo(t)
	before := letterRegister(t, db)
	st, c := openCampaign(t, db)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	opt := report.LetterOptions{Settings: s, Template: report.DefaultLetterTemplate(), Context: ctx}
	pages := 0
	opt.Progress = func(done, total int) {
		if pages++; pages == 2 {
			cancel()
		}
	}
	dir := filepath.Join(t.TempDir(), "each")
	var sink strings.Builder
	err = printLetters(ctx, &env{stdout: &sink, stderr: &sink}, st, c, lettersFlags{lang: "kk", outDir: dir}, opt)
	if !errors.Is(err, context.Canceled) || pages != 2 {
		t.Fatalf("err = %v after %d pages, want cancelled after 2", err, pages)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("files left behind: %v", left)
	}
	if reg := letterRegister(t, db); len(reg) != len(before) {
		t.Fatalf("register rows written: %v, before %v", reg, before)
	}
}
