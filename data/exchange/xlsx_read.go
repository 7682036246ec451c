package exchange

import (
	"archive/zip"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// workbook is an xlsx file opened for reading its lists: its sheets in
// order, the zip part of each, and the shared texts. Its cells are read by
// streaming the sheet's XML once, raw tokens only: excelize's row
// iterator decoded every cell into a struct and read the sheet twice (a
// second pass for the merges), which was most of an import's parsing.
type workbook struct {
	zr     *zip.ReadCloser
	sheets []string
	parts  map[string]string // sheet name → zip part
	sst    string            // the shared texts' part, "" if none
	texts  []string          // the shared texts, read at the first sheet
	read   bool
	left   int64 // the inflated bytes still allowed (maxWorkbookBytes)
}

// maxWorkbookBytes bounds the XML the reader inflates from one workbook,
// all its parts together: a zip bomb stops there, with an error, not a
// list cut short.
const maxWorkbookBytes = 1 << 30

// maxWorkbookTexts and maxSharedBytes bound the workbook's shared texts: a
// list of 100,000 rows holds well under a million distinct texts.
const (
	maxWorkbookTexts = 2_000_000
	maxSharedBytes   = 256 << 20
)

// budgetReader reads until the workbook's budget of inflated bytes is
// spent, then fails with ErrTooDense.
type budgetReader struct {
	r    io.Reader
	left *int64
}

func (b budgetReader) Read(p []byte) (int, error) {
	if *b.left <= 0 {
		return 0, fmt.Errorf("%w: the workbook inflates to more than %d MB", ErrTooDense, maxWorkbookBytes>>20)
	}
	if int64(len(p)) > *b.left {
		p = p[:*b.left]
	}
	n, err := b.r.Read(p)
	*b.left -= int64(n)
	return n, err
}

func openWorkbook(p string) (*workbook, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, err
	}
	wb := &workbook{zr: zr, parts: map[string]string{}, left: maxWorkbookBytes}
	if err := wb.readParts(); err != nil {
		zr.Close()
		return nil, err
	}
	return wb, nil
}

func (wb *workbook) Close() error { return wb.zr.Close() }

// readParts finds the sheets and the shared texts through the workbook and
// its relationships.
func (wb *workbook) readParts() error {
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"id,attr"` // r:id, transitional or strict namespace
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(&wb.zr.Reader, "xl/workbook.xml", &book); err != nil {
		return err
	}
	if err := decodePart(&wb.zr.Reader, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return err
	}
	target := func(t string) string {
		if strings.HasPrefix(t, "/") {
			return strings.TrimPrefix(t, "/")
		}
		return path.Join("xl", t)
	}
	byID := map[string]string{}
	for _, r := range rels.Rels {
		byID[r.ID] = target(r.Target)
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			wb.sst = target(r.Target)
		}
	}
	for _, s := range book.Sheets {
		wb.sheets = append(wb.sheets, s.Name)
		if p, ok := byID[s.RID]; ok {
			wb.parts[s.Name] = p
		}
	}
	return nil
}

func (wb *workbook) open(name string) (io.ReadCloser, error) {
	for _, f := range wb.zr.File {
		if strings.EqualFold(f.Name, name) {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			return struct {
				io.Reader
				io.Closer
			}{budgetReader{rc, &wb.left}, rc}, nil
		}
	}
	return nil, fmt.Errorf("%w: no part %s in the workbook", ErrDamaged, name)
}

// sharedTexts reads the shared texts once.
func (wb *workbook) sharedTexts() ([]string, error) {
	if wb.read || wb.sst == "" {
		return wb.texts, nil
	}
	rc, err := wb.open(wb.sst)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	wb.texts, err = readSharedTexts(rc)
	wb.read = err == nil
	return wb.texts, err
}

// readSharedTexts reads <si> items: the <t> of each, or of each of its
// runs, without the phonetic hints (<rPh>).
func readSharedTexts(r io.Reader) ([]string, error) {
	s := newXMLScanner(r)
	var (
		out   []string
		b     []byte
		inT   bool
		total int
		seen  = map[string]string{}
	)
	for {
		err := s.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("shared strings: %w", err)
		}
		switch {
		case s.kind == tokText:
			if inT {
				if b = append(b, s.text...); len(b) > maxTokenBytes {
					return nil, fmt.Errorf("shared strings: %w", errLongToken)
				}
			}
		case s.kind == tokStart && s.is("rPh"):
			if err := s.skip(); err != nil {
				return nil, fmt.Errorf("shared strings: %w", err)
			}
		case s.kind == tokStart && s.is("si"):
			b = b[:0]
			if s.self {
				if len(out) >= maxWorkbookTexts {
					return nil, fmt.Errorf("%w: more than %d shared texts", ErrTooDense, maxWorkbookTexts)
				}
				out = append(out, "")
			}
		case s.kind == tokStart && s.is("t"):
			inT = !s.self
		case s.kind == tokEnd && s.is("t"):
			inT = false
		case s.kind == tokEnd && s.is("si"):
			if total += len(b); len(out) >= maxWorkbookTexts || total > maxSharedBytes {
				return nil, fmt.Errorf("%w: more than %d shared texts or %d MB of them", ErrTooDense, maxWorkbookTexts, maxSharedBytes>>20)
			}
			out = append(out, shareText(seen, strings.ToValidUTF8(unescapeOOXML(string(b)), "\uFFFD")))
		}
	}
}

// shareText keeps one copy of a short text (see gridBuilder.share).
func shareText(seen map[string]string, v string) string {
	if len(v) > maxSharedLen {
		return v
	}
	if s, ok := seen[v]; ok {
		return s
	}
	if len(seen) < maxSharedTexts {
		seen[v] = v
	}
	return v
}

// unescapeOOXML turns the _xHHHH_ escapes Excel writes for control
// characters back into the characters.
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && i+7 <= len(s) && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				b.WriteRune(rune(n))
				i += 6
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// cellColumn returns the 0-based column of a cell reference («AB12»).
func cellColumn(ref string) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		if col = col*26 + int(c-'a'+1); col > 16384 {
			return 0, false
		}
	}
	return col - 1, i > 0 && i < len(ref)
}
