package exchange_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data/exchange"
)

var childHeader = []any{"ЖСН", "Тегі", "Аты", "Мектеп №", "Сынып"}

func childRow(tb testing.TB, i int, surname string) []any {
	return []any{iin(tb, i), surname, "Дана", 7, "5 А"}
}

// TestMergeBomb reads a 2 KB workbook with one merged range over a whole
// far column, XFD1:XFD60000: once every row was padded to 16,384 cells
// (over 4 GB); the merge now reaches no further than the list's text.
func TestMergeBomb(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bomb.xlsx")
	writeXLSX(t, path, [][]any{childHeader, childRow(t, 1, "Әбенова"), childRow(t, 2, "Сейітова")}, nil)
	// excelize's own MergeCell fills the area: the merge is written by hand
	addMerge(t, path, "XFD1:XFD60000")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	sh, err := exchange.Parse(path, exchange.ParseOptions{Kind: exchange.Children})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(sh.Rows) != 2 {
		t.Fatalf("rows=%d, want 2", len(sh.Rows))
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 50<<20 {
		t.Fatalf("reading a 2-row list allocated %d MB", alloc>>20)
	}
}

func TestListBounds(t *testing.T) {
	dir := t.TempDir()
	wide := childRow(t, 1, "Әбенова")
	for len(wide) < exchange.MaxColumns {
		wide = append(wide, "")
	}
	wide = append(wide, "201-ші баған")
	tests := []struct {
		name    string
		rows    [][]any
		maxRows int
	}{
		{"columns", [][]any{childHeader, wide}, 0},
		{"rows", childLines(t, 2+20+1), 2}, // 20 title rows are not counted
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name+".xlsx")
			writeXLSX(t, path, tt.rows, nil)
			_, err := exchange.Parse(path, exchange.ParseOptions{Kind: exchange.Children, MaxRows: tt.maxRows})
			if !errors.Is(err, exchange.ErrTooBig) || errors.Is(err, exchange.ErrTooDense) {
				t.Fatalf("err=%v, want ErrTooBig for its size, not ErrTooDense", err)
			}
		})
	}
}

// TestListOfMaxRows: a list of exactly MaxRows children, with its header
// and a title above it, comes in whole.
func TestListOfMaxRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "full.xlsx")
	rows := append([][]any{{"1 «А» сыныбы"}}, childLines(t, 3)...)
	writeXLSX(t, path, rows, nil)
	sh, err := exchange.Parse(path, exchange.ParseOptions{Kind: exchange.Children, MaxRows: 3})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(sh.Rows); got != 3 {
		t.Fatalf("rows=%d, want 3", got)
	}
}

// childLines is the header and n children.
func childLines(t *testing.T, n int) [][]any {
	rows := [][]any{childHeader}
	for i := 1; i <= n; i++ {
		rows = append(rows, childRow(t, i, "Бала"))
	}
	return rows
}

// TestLongCell rejects the row of a 5,000-character surname, quoting its
// first 80 characters only.
func TestLongCell(t *testing.T) {
	st := mustOpen(t)
	path := filepath.Join(t.TempDir(), "long.xlsx")
	long := strings.Repeat("Ә", 5000)
	writeXLSX(t, path, [][]any{childHeader, childRow(t, 1, long), childRow(t, 2, "Сейітова")}, nil)
	plan := importFile(t, st, path, exchange.Options{Kind: exchange.Children, Lang: "kk"})
	s := plan.Summary()
	if s.Rejected != 1 || s.Imported != 1 {
		t.Fatalf("summary %+v; want the long row rejected, the other imported", s)
	}
	found := false
	for _, p := range s.Problems {
		if p.Key == exchange.KeyCellTooLong {
			found = true
			if p.Row != 2 || p.Value != strings.Repeat("Ә", 80)+"…" || !strings.Contains(p.Message, "5000") {
				t.Fatalf("problem %+v", p)
			}
		}
		if len(p.Message) > 1000 {
			t.Fatalf("a message of %d bytes", len(p.Message))
		}
	}
	if !found {
		t.Fatalf("no problem for the long cell: %+v", s.Problems)
	}
}

// TestSubtotalMidList imports the rows under a subtotal in the middle of a
// list (once the list ended there, exit 0) and warns of the subtotal.
func TestSubtotalMidList(t *testing.T) {
	st := mustOpen(t)
	path := filepath.Join(t.TempDir(), "classes.xlsx")
	writeXLSX(t, path, [][]any{
		childHeader,
		{"1 А сыныбы", "1 А сыныбы", "1 А сыныбы"}, // a merged heading
		childRow(t, 1, "Әбенова"), childRow(t, 2, "Сейітова"),
		{"Итого по 1 А классу: 2"},
		childRow(t, 3, "Омарова"), childRow(t, 4, "Жақсылықова"),
		{"Барлығы: 4"},
		{"Директор ____________ Ахметова"},
	}, nil)
	plan := importFile(t, st, path, exchange.Options{Kind: exchange.Children, Lang: "ru"})
	s := plan.Summary()
	if s.Rows != 4 || s.Imported != 4 {
		t.Fatalf("summary %+v; want 4 children", s)
	}
	var skipped []int
	for _, p := range s.Problems {
		if p.Key == exchange.KeyRowSkipped {
			skipped = append(skipped, p.Row)
		}
	}
	if len(skipped) != 2 || skipped[0] != 2 || skipped[1] != 5 {
		t.Fatalf("skipped rows %v, want the heading (2) and the subtotal (5): %+v", skipped, s.Problems)
	}
}

func TestCSVLineEndsAndBytes(t *testing.T) {
	lines := []string{"ЖСН;Тегі;Аты;Мектеп №;Сынып", iin(t, 1) + ";Әбенова;Дана;7;5 А",
		iin(t, 2) + ";Сейітова;Ай\xffым;7;5 А", iin(t, 3) + ";Омарова;Дана;7;5 А"}
	tests := []struct{ name, sep string }{{"CR", "\r"}, {"CRLF", "\r\n"}, {"LF", "\n"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh, err := exchange.ParseCSV([]byte(strings.Join(lines, tt.sep)), "list.csv", exchange.Children)
			if err != nil {
				t.Fatal(err)
			}
			if len(sh.Rows) != 3 || sh.Rows[2].Cell(1) != "Омарова" || sh.Rows[0].Cell(1) != "Әбенова" {
				t.Fatalf("rows %+v", sh.Rows)
			}
		})
	}
}

func TestDuplicateHeader(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dup.xlsx")
	writeXLSX(t, path, [][]any{{"ЖСН", "Тегі", "Аты", "Тегі"}, {iin(t, 1), "Әбенова", "Дана", "Сейітова"}}, nil)
	st := mustOpen(t)
	plan := importFile(t, st, path, exchange.Options{Kind: exchange.Children, Lang: "kk"})
	for _, p := range plan.Summary().Problems {
		if p.Key == exchange.KeyHeaderTwice && p.Row == 1 && p.Column == "D («Тегі»)" && strings.Contains(p.Message, "B («Тегі»)") {
			return
		}
	}
	t.Fatalf("no warning of the second «Тегі»: %+v", plan.Summary().Problems)
}

// addMerge writes a merged range into the first sheet's XML, as a hostile
// file does.
func addMerge(tb testing.TB, path, ref string) {
	tb.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			body = bytes.Replace(body, []byte("</sheetData>"),
				[]byte(`</sheetData><mergeCells count="1"><mergeCell ref="`+ref+`"/></mergeCells>`), 1)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(body)
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		tb.Fatal(err)
	}
}
