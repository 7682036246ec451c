package exchange

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func parseCSVFile(path string, opt ParseOptions) (*Sheet, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseCSV(b, filepath.Base(path), opt)
}

// ParseCSV reads a csv list in UTF-8 (with or without a BOM) or in
// Windows-1251, with «;» or «,» between fields, whichever the header uses,
// and lines ended by CR LF, LF or a bare CR (old Mac Excel).
func ParseCSV(b []byte, name string, k Kind) (*Sheet, error) {
	return parseCSV(b, name, ParseOptions{Kind: k})
}

func parseCSV(b []byte, name string, opt ParseOptions) (*Sheet, error) {
	text, err := DecodeText(b)
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(text, '\r') >= 0 {
		text = bytes.ReplaceAll(bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = detectComma(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	b2 := newGridBuilder(name, opt.MaxRows)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		if isBlank(rec) {
			continue
		}
		if err := b2.add(line, rec); err != nil {
			return nil, err
		}
	}
	g := b2.grid()
	sh, err := g.toSheet(opt.Kind)
	if err != nil {
		return nil, err
	}
	sh.Sheets = []string{name}
	return sh, nil
}

// DecodeText returns the text as UTF-8 without a BOM: text that is not
// valid UTF-8 is read as Windows-1251, the encoding Excel uses for csv on
// Russian and Kazakh Windows; UTF-16 with a BOM (Excel's «Unicode text»)
// is read too.
func DecodeText(b []byte) ([]byte, error) {
	if bytes.HasPrefix(b, []byte("\xff\xfe")) || bytes.HasPrefix(b, []byte("\xfe\xff")) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return dec.Bytes(b)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if utf8.Valid(b) {
		return b, nil
	}
	// A UTF-8 file with a stray bad byte stays UTF-8 (the byte becomes
	// «�»): Windows-1251 Cyrillic makes almost no valid UTF-8 letters, so
	// a text with more of them than bad bytes is UTF-8.
	if good, bad := utf8Counts(b); good > bad {
		return bytes.ToValidUTF8(b, []byte("\uFFFD")), nil
	}
	return charmap.Windows1251.NewDecoder().Bytes(b)
}

// utf8Counts counts a text's valid non-ASCII UTF-8 letters and its bytes
// that are no part of one.
func utf8Counts(b []byte) (good, bad int) {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case size > 1:
			good++
		}
		b = b[size:]
	}
	return good, bad
}

// detectComma picks the separator of the first lines, outside quotes: «;»
// when every line has one (a «,» may then be a decimal comma), else the
// most frequent of «,», «;» and tab.
func detectComma(text []byte) rune {
	counts := map[byte]int{}
	inQuotes, lines := false, 1
scan:
	for _, c := range text {
		switch {
		case c == '"':
			inQuotes = !inQuotes
		case inQuotes:
		case c == '\n':
			if lines++; lines > 30 {
				break scan
			}
		case c == ';' || c == ',' || c == '\t':
			counts[c]++
		}
	}
	if counts[';'] >= lines-1 && counts[';'] > 0 {
		return ';'
	}
	best := byte(';')
	for _, c := range []byte{',', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}
