package exchange_test

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mektepkezhol/app/data/exchange"
)

// The parts of a workbook written by hand, as other programs than
// excelize write them: rich shared texts with phonetic hints, inline
// texts, cells and rows without references, a school merged down rows
// the XML leaves out, a hidden column and a sheet part not named sheet1.
var handWorkbook = map[string]string{
	"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
	"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Тізім" sheetId="1" r:id="rId7"/><sheet name="Бос" sheetId="2" r:id="rId8"/></sheets></workbook>`,
	"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/list.xml"/>
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/empty.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>
</Relationships>`,
	"xl/strings.xml": `<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">
<si><t>ЖСН</t></si>
<si><r><rPr><b/></rPr><t>Те</t></r><r><t xml:space="preserve">гі</t></r><rPh sb="0" eb="1"><t>ХХХ</t></rPh></si>
<si><t>Аты</t></si>
<si><t>Мектеп №</t></si>
<si><t>Ахметов&amp;Co_x000D_</t></si>
<si><t>Жасырын</t></si>
</sst>`,
	"xl/worksheets/list.xml": `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<cols><col min="5" max="5" hidden="1" width="3"/></cols>
<sheetData>
<row r="2"><c r="A2" t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c><c r="E2" t="s"><v>5</v></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>070101500011</t></is></c><c r="B4" t="s"><v>4</v></c><c r="C4" t="inlineStr"><is><r><t>Ай</t></r><r><t>гүл</t></r></is></c><c r="D4"><f>3+4</f><v>7</v></c><c r="E4" t="s"><v>5</v></c></row>
<row r="6"><c r="A6" t="str"><v>070101500022</v></c><c r="C6"><v>44927</v></c></row>
<row><c r="D7" s="3"/><c r="F7"><v></v></c></row>
<row r="9"><c r="A9" t="b"><v>1</v></c></row>
</sheetData>
<mergeCells count="1"><mergeCell ref="D4:D6"/></mergeCells>
</worksheet>`,
	"xl/worksheets/empty.xml": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`,
}

func writeZip(t *testing.T, parts map[string]string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "hand.xlsx")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestParseHandWrittenWorkbook(t *testing.T) {
	sh, err := exchange.Parse(writeZip(t, handWorkbook), exchange.ParseOptions{Kind: exchange.Children})
	if err != nil {
		t.Fatal(err)
	}
	if sh.Name != "Тізім" || !slices.Equal(sh.Sheets, []string{"Тізім", "Бос"}) || sh.HeaderRow != 2 {
		t.Fatalf("sheet %q of %q, header row %d", sh.Name, sh.Sheets, sh.HeaderRow)
	}
	if want := []string{"ЖСН", "Тегі", "Аты", "Мектеп №", "Жасырын"}; !slices.Equal(sh.Header, want) {
		t.Errorf("header %q, want %q", sh.Header, want)
	}
	if !sh.IsHidden(4) || sh.IsHidden(3) {
		t.Errorf("hidden %v: want column E only", sh.Hidden)
	}
	// Row 5 is not in the XML: the merge D4:D6 fills it, and row 6, with
	// row 4's school; row 7 holds only an empty styled cell; row 9 a TRUE.
	want := []exchange.Row{
		{Number: 4, Cells: []string{"070101500011", "Ахметов&Co\r", "Айгүл", "7", "Жасырын"}},
		{Number: 5, Cells: []string{"", "", "", "7"}},
		{Number: 6, Cells: []string{"070101500022", "", "44927", "7"}},
		{Number: 9, Cells: []string{"1"}},
	}
	wantRows(t, sh, want)
}

func TestParseBrokenSheetXML(t *testing.T) {
	for name, sheet := range map[string]string{
		"rows out of order":           `<worksheet><sheetData><row r="5"><c r="A5" t="inlineStr"><is><t>ЖСН</t></is></c></row><row r="3"/></sheetData></worksheet>`,
		"a bad cell":                  `<worksheet><sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData></worksheet>`,
		"cut short":                   `<worksheet><sheetData><row r="1"><c r="A1"><v>1`,
		"an unknown entity":           `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData></worksheet>`,
		"an open quote":               `<worksheet><sheetData><row r="1><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
		"a shared text past the list": `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>6</v></c></row></sheetData></worksheet>`,
		"Windows-1251":                `<?xml version="1.0" encoding="windows-1251"?><worksheet><sheetData/></worksheet>`,
		// found by mutating sheets: rescanning the tag for its quotes at
		// each «>» grew with the square of the sheet
		"a stray quote before many cells": `<worksheet><sheetData><row r="1"><c "r="A1"/>` +
			strings.Repeat(`<c r="B1" t="s"><v>1</v></c>`, 30000) + `</row></sheetData></worksheet>`,
	} {
		parts := maps(handWorkbook)
		parts["xl/worksheets/list.xml"] = sheet
		if _, err := parseList(t, parts); !errors.Is(err, exchange.ErrDamaged) {
			t.Errorf("%s: %v, want the workbook called damaged", name, err)
		}
	}
}

// wantRows checks a sheet's rows, their numbers and cells.
func wantRows(t *testing.T, sh *exchange.Sheet, want []exchange.Row) {
	t.Helper()
	if len(sh.Rows) != len(want) {
		t.Fatalf("rows %+v, want %+v", sh.Rows, want)
	}
	for i, r := range sh.Rows {
		if r.Number != want[i].Number || !slices.Equal(r.Cells, want[i].Cells) {
			t.Errorf("row %d: %d %q, want %d %q", i, r.Number, r.Cells, want[i].Number, want[i].Cells)
		}
	}
}

// parseList reads the children's list «Тізім» of a workbook of parts.
func parseList(t *testing.T, parts map[string]string) (*exchange.Sheet, error) {
	return exchange.Parse(writeZip(t, parts), exchange.ParseOptions{Kind: exchange.Children, Sheet: "Тізім"})
}

func maps(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// What the XML of other writers may hold: a prefix on every element, a
// comment and a processing instruction with «>» in them, single quotes, a
// «>» inside an attribute, character references, CDATA, self-closing rows
// and cells.
func TestParseXMLOfOtherWriters(t *testing.T) {
	parts := maps(handWorkbook)
	// Strict OOXML names the relationships otherwise.
	parts["xl/workbook.xml"] = strings.Replace(parts["xl/workbook.xml"], "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
		"http://purl.oclc.org/ooxml/officeDocument/relationships", 1)
	parts["xl/worksheets/list.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?mso-application progid="Excel.Sheet"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<!-- written by hand: a > b -->
<x:sheetPr codeName='a>b'/>
<x:sheetData>
<x:row r='1' spans="1:3"><x:c r="A1" t="inlineStr"><x:is><x:t>ЖСН</x:t></x:is></x:c><x:c r="B1" t='inlineStr'><x:is><x:t>&#1058;&#x435;гі</x:t></x:is></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>
<x:row r="2"/>
<x:row r="3"><x:c r="A3" s="1"/><x:c r="B3" t="inlineStr"><x:is><x:t><![CDATA[<Ахметов> & Co]]></x:t></x:is></x:c><x:c r="C3" t="inlineStr"><x:is><x:t>&lt;Ая&gt; &quot;&apos;</x:t></x:is></x:c></x:row>
<x:row r="4">
  <x:c r="A4"><x:f>TEXT(1,"0")</x:f><x:v>070101500011</x:v></x:c>
  <x:c r="C4" t="str"><x:v xml:space="preserve"> Айгүл </x:v></x:c>
</x:row>
</x:sheetData>
<x:conditionalFormatting sqref="A1"><x:cfRule type="containsText" text="a>b" priority="1"/></x:conditionalFormatting>
</x:worksheet>`
	sh, err := parseList(t, parts)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"ЖСН", "Тегі", "Аты"}; !slices.Equal(sh.Header, want) {
		t.Errorf("header %q, want %q", sh.Header, want)
	}
	want := []exchange.Row{
		{Number: 3, Cells: []string{"", "<Ахметов> & Co", `<Ая> "'`}},
		{Number: 4, Cells: []string{"070101500011", "", " Айгүл "}},
	}
	wantRows(t, sh, want)
}

// FuzzSheetXML feeds the sheet reader any XML: it may refuse it, never
// panic or hang.
func FuzzSheetXML(f *testing.F) {
	for _, s := range []string{handWorkbook["xl/worksheets/list.xml"], `<row r="1"><c r="A1" t="inlineStr"><is><t>&#x49A;</t></is></c></row>`,
		`<!-- > --><![CDATA[>]]><x:c r='B2'/>`, `<row><c t="s"><v>9</v></c></row><mergeCell ref="A1:B3"/>`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sheet string) {
		parts := maps(handWorkbook)
		parts["xl/worksheets/list.xml"] = sheet
		_, _ = exchange.Parse(writeZip(t, parts), exchange.ParseOptions{Kind: exchange.Children, Sheet: "Тізім", MaxRows: 100})
	})
}

// TestParseHostileWorkbookBounded: a small file that would inflate into
// one endless text, or into millions of shared texts, is refused as too
// big before it fills the memory, not read: ErrTooDense, which the
// clerk is told to copy into a new workbook, not to split.
func TestParseHostileWorkbookBounded(t *testing.T) {
	long := maps(handWorkbook)
	long["xl/worksheets/list.xml"] = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>` +
		strings.Repeat("Ахметов ", 300_000) + `</t></is></c></row></sheetData></worksheet>`
	many := maps(handWorkbook)
	many["xl/strings.xml"] = `<sst>` + strings.Repeat(`<si/>`, 2_000_001) + `</sst>`
	cdata := maps(handWorkbook)
	cdata["xl/worksheets/list.xml"] = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[` +
		strings.Repeat("a]>", 500_000) + `]]></t></is></c></row></sheetData></worksheet>`
	for name, parts := range map[string]map[string]string{"a 4 MB text": long, "2,000,001 shared texts": many, "a 1.5 MB CDATA": cdata} {
		if _, err := parseList(t, parts); !errors.Is(err, exchange.ErrTooDense) || !errors.Is(err, exchange.ErrTooBig) {
			t.Errorf("%s: %v, want too dense, a kind of too big", name, err)
		}
	}
}
