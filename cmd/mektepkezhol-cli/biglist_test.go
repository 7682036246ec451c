package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
	"github.com/xuri/excelize/v2"
)

// EnvBigRows names the rows of the big-list test; `make reliability` sets
// it to a million. Unset, the test is skipped.
const EnvBigRows = "MEKTEPKEZHOL_BIG_ROWS"

// TestBigListImport imports generated csv and xlsx lists of N children in
// a CLI process under /usr/bin/time, logging its peak memory (≤ 500 MB);
// while the csv import runs, summary answers and a restore is refused.
func TestBigListImport(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv(EnvBigRows))
	if n <= 0 {
		t.Skip("set " + EnvBigRows + " (make reliability)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "mektepkezhol-cli")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	iins := bigIINs(t, n)
	csvPath, xlsxPath := filepath.Join(dir, "big.csv"), filepath.Join(dir, "big.xlsx")
	writeBigCSV(t, csvPath, iins)
	writeBigXLSX(t, xlsxPath, iins)
	for _, list := range []string{csvPath, xlsxPath} {
		db := filepath.Join(dir, filepath.Base(list)+".db")
		if code, _, stderr := cli(t, "--db", db, "demo", "--children", "10", "--sponsors", "2", "--distributions", "0"); code != 0 {
			t.Fatalf("demo: %s", stderr)
		}
		cmd := exec.Command("/usr/bin/time", "-v", bin, "--db", db, "import", "children", list, "--school", "1", "--json")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		refused := n > exchange.DefaultMaxRows
		if list == csvPath && !refused {
			readersDuringImport(t, db, dir)
		}
		err := cmd.Wait()
		took := time.Since(start)
		switch {
		case refused:
			// Past the bound the list is refused whole, with a message
			// that names the bound, and nothing is written.
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitUsage || !strings.Contains(stderr.String(), "too big") {
				t.Fatalf("import %s of %d rows: %v, want exit %d «too big»\n%s", filepath.Base(list), n, err, exitUsage, tail(stderr.String()))
			}
		case err != nil:
			t.Fatalf("import %s: %v\n%s", filepath.Base(list), err, tail(stderr.String()))
		}
		m := regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`).FindStringSubmatch(stderr.String())
		if m == nil {
			t.Fatalf("no peak RSS in\n%s", stderr.String())
		}
		kb, _ := strconv.Atoi(m[1])
		t.Logf("%s: %d rows %s in %v, peak RSS %d MB", filepath.Ext(list), n, map[bool]string{false: "imported", true: "refused"}[refused], took.Round(time.Second), kb/1024)
		if kb > 500*1024 {
			t.Errorf("%s: peak RSS %d MB, want ≤ 500 MB", filepath.Ext(list), kb/1024)
		}
	}
}

// readersDuringImport runs summary while the import runs, then a restore
// that must be refused.
func readersDuringImport(t *testing.T, db, dir string) {
	t.Helper()
	backup := filepath.Join(dir, "before-import.db")
	if code, _, stderr := cli(t, "--db", db, "backup", "--out", backup); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	// The import parses the list first, then opens the database: its
	// -wal file appears then (the backup above closed and removed its own).
	for deadline := time.Now().Add(5 * time.Minute); ; time.Sleep(100 * time.Millisecond) {
		if _, err := os.Stat(db + "-wal"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the import never opened the database")
		}
	}
	time.Sleep(time.Second)
	if code, _, stderr := cli(t, "--db", db, "summary", "--campaign", "2019"); code != 0 {
		t.Errorf("summary during the import: exit %d: %s", code, stderr)
	}
	code, _, stderr := cli(t, "--db", db, "restore", backup)
	if code == 0 || !strings.Contains(stderr, "open in another program") {
		t.Errorf("restore during the import: exit %d: %s; want refused", code, stderr)
	}
}

func tail(s string) string { return s[max(0, len(s)-2000):] }

// bigIINs makes n distinct valid IINs of children born 2007–2016.
func bigIINs(t *testing.T, n int) []string {
	out := make([]string, 0, n)
	seen := make(map[data.IIN]bool, n)
	for day, serial := 0, 0; len(out) < n; day++ {
		if day == 3650 {
			day, serial = 0, serial+1
		}
		birth := data.Date(2007, 1, 1).AddDate(0, 0, day)
		if iin, ok := data.MakeIIN(birth, data.Female, serial); ok && !seen[iin] {
			seen[iin] = true
			out = append(out, string(iin))
		}
	}
	return out
}

func writeBigCSV(t *testing.T, path string, iins []string) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprint(w, "ЖСН;Тегі;Аты;Сынып\r\n")
	for i, iin := range iins {
		fmt.Fprintf(w, "%s;Тегі%d;Аты;%d А\r\n", iin, i, 1+i%11)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func writeBigXLSX(t *testing.T, path string, iins []string) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"ЖСН", "Тегі", "Аты", "Сынып"})
	for i, iin := range iins {
		axis, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(axis, []any{iin, fmt.Sprintf("Тегі%d", i), "Аты", fmt.Sprintf("%d А", 1+i%11)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}
