package exchange

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlScanner reads the tokens of a spreadsheet part's XML without making
// a value of each: a sheet of 100,000 rows is millions of tokens, and
// encoding/xml's RawToken (a name, an attribute slice and a copied text
// per token) was most of an import's parsing. It knows what an xlsx part
// holds: elements, attributes, text with the predefined and numeric
// entities, CDATA, comments and processing instructions; names lose their
// prefix («x:row» is «row»). It does not check that tags balance.
type xmlScanner struct {
	r    *bufio.Reader
	kind tokenKind
	name []byte // the element's local name (start and end tokens)
	tag  []byte // a start tag's text after its name: the attributes
	self bool   // a start tag that closes itself (<c r="A1"/>)
	text []byte // a text token, entities replaced
	long []byte // the buffer of a token longer than r's
}

type tokenKind int

const (
	tokText tokenKind = iota
	tokStart
	tokEnd
)

var errXMLSyntax = errors.New("XML syntax error")

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// readUntil reads up to and including delim; the slice is valid until the
// next read.
func (s *xmlScanner) readUntil(delim byte) ([]byte, error) {
	b, err := s.r.ReadSlice(delim)
	if err != bufio.ErrBufferFull {
		return b, err
	}
	s.long = append(s.long[:0], b...)
	for err == bufio.ErrBufferFull {
		b, err = s.r.ReadSlice(delim)
		if s.long = append(s.long, b...); len(s.long) > maxTokenBytes {
			return nil, errLongToken
		}
	}
	return s.long, err
}

// maxTokenBytes bounds one piece of a part's XML (a tag, a text, a
// comment): a cell holds at most MaxCellChars characters, so a longer piece
// is no list's, and a file that inflates into one is refused before it
// fills the memory.
const maxTokenBytes = 1 << 20

var errLongToken = fmt.Errorf("%w: a piece of the sheet's XML is longer than %d KB", ErrTooDense, maxTokenBytes>>10)

// next reads the next token; io.EOF at the end.
func (s *xmlScanner) next() error {
	for {
		c, err := s.r.ReadByte()
		if err != nil {
			return err
		}
		if c != '<' {
			if err := s.r.UnreadByte(); err != nil {
				return err
			}
			raw, err := s.readUntil('<')
			if err == io.EOF {
				return io.EOF // text after the last tag: nothing a part holds
			}
			if err != nil {
				return err
			}
			if err := s.unescape(raw[:len(raw)-1]); err != nil {
				return err
			}
			s.kind = tokText
			return s.r.UnreadByte()
		}
		done, err := s.markup()
		if done || err != nil {
			return err
		}
	}
}

// markup reads a tag after its «<»; it returns false for what is no token
// (a comment, a declaration, a processing instruction).
func (s *xmlScanner) markup() (bool, error) {
	raw, err := s.readUntil('>')
	if err != nil {
		return false, eof(err)
	}
	switch {
	case len(raw) > 1 && raw[0] == '?':
		if err := xmlEncoding(raw); err != nil {
			return false, err
		}
		for !bytes.HasSuffix(raw, []byte("?>")) {
			if raw, err = s.readUntil('>'); err != nil {
				return false, eof(err)
			}
		}
		return false, nil
	case bytes.HasPrefix(raw, []byte("!--")):
		return false, s.readPast(raw, "-->")
	case bytes.HasPrefix(raw, []byte("![CDATA[")):
		s.text = append(s.text[:0], raw[8:]...)
		for !bytes.HasSuffix(s.text, []byte("]]>")) {
			if raw, err = s.readUntil('>'); err != nil {
				return false, eof(err)
			}
			if s.text = append(s.text, raw...); len(s.text) > maxTokenBytes {
				return false, errLongToken
			}
		}
		s.text, s.kind = s.text[:len(s.text)-3], tokText
		return true, nil
	case len(raw) > 0 && raw[0] == '!':
		return false, nil // <!DOCTYPE …>: an xlsx part has none worth reading
	case len(raw) > 0 && raw[0] == '/':
		s.kind, s.name = tokEnd, localName(bytes.TrimSpace(raw[1:len(raw)-1]))
		return true, nil
	}
	// A «>» inside a quoted attribute does not end the tag.
	tag := append(s.tag[:0], raw...)
	for q := openQuote(0, raw); q != 0; q = openQuote(q, raw) {
		if raw, err = s.readUntil('>'); err != nil {
			return false, eof(err)
		}
		if tag = append(tag, raw...); len(tag) > maxTokenBytes {
			return false, errLongToken
		}
	}
	tag = tag[:len(tag)-1]
	s.self = len(tag) > 0 && tag[len(tag)-1] == '/'
	if s.self {
		tag = tag[:len(tag)-1]
	}
	end := bytes.IndexAny(tag, " \t\r\n")
	if end < 0 {
		end = len(tag)
	}
	if end == 0 {
		return false, errXMLSyntax
	}
	s.kind, s.name, s.tag = tokStart, localName(tag[:end]), tag
	return true, nil
}

// readPast reads until the text read ends with end.
func (s *xmlScanner) readPast(raw []byte, end string) error {
	var err error
	for !bytes.HasSuffix(raw, []byte(end)) {
		if raw, err = s.readUntil('>'); err != nil {
			return eof(err)
		}
	}
	return nil
}

// xmlEncoding refuses a part whose declaration names another encoding
// than UTF-8: every spreadsheet program writes UTF-8, and the reader reads
// nothing else (excelize converted; a stranger's bytes read as UTF-8
// would garble the names).
func xmlEncoding(pi []byte) error {
	if !bytes.HasPrefix(pi, []byte("?xml")) {
		return nil
	}
	i := bytes.Index(pi, []byte("encoding="))
	if i < 0 || len(pi) < i+10 {
		return nil
	}
	v := pi[i+10:]
	if j := bytes.IndexAny(v, `"'`); j >= 0 {
		v = v[:j]
	}
	if enc := strings.ToLower(string(v)); enc != "utf-8" && enc != "utf8" {
		return fmt.Errorf("%w: the sheet's XML is in %s, not UTF-8", ErrDamaged, v)
	}
	return nil
}

func eof(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// openQuote returns the quote still open after b, given the one open
// before it (0 for none): only the text just read is scanned, so a tag with
// a stray quote costs its length, not its length squared.
func openQuote(q byte, b []byte) byte {
	for _, c := range b {
		switch {
		case q != 0 && c == q:
			q = 0
		case q == 0 && (c == '"' || c == '\''):
			q = c
		}
	}
	return q
}

func localName(n []byte) []byte {
	if i := bytes.LastIndexByte(n, ':'); i >= 0 {
		return n[i+1:]
	}
	return n
}

// is tells whether the token's name is name.
func (s *xmlScanner) is(name string) bool { return string(s.name) == name }

// attr returns a start tag's attribute by its local name, "" if absent.
func (s *xmlScanner) attr(name string) string {
	t := s.tag
	for {
		i := bytes.IndexByte(t, '=')
		if i < 0 {
			return ""
		}
		key := bytes.TrimSpace(t[:i])
		if j := bytes.LastIndexAny(key, " \t\r\n"); j >= 0 {
			key = key[j+1:]
		}
		rest := bytes.TrimLeft(t[i+1:], " \t\r\n")
		if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			return ""
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return ""
		}
		if string(localName(key)) == name {
			var v xmlScanner
			if v.unescape(rest[1:1+end]) != nil {
				return ""
			}
			return string(v.text)
		}
		t = rest[end+2:]
	}
}

// skip reads to the end of the element just started.
func (s *xmlScanner) skip() error {
	if s.self {
		return nil
	}
	for depth := 1; depth > 0; {
		if err := s.next(); err != nil {
			return eof(err)
		}
		switch {
		case s.kind == tokStart && !s.self:
			depth++
		case s.kind == tokEnd:
			depth--
		}
	}
	return nil
}

// unescape sets s.text to raw with its entities replaced.
func (s *xmlScanner) unescape(raw []byte) error {
	s.text = s.text[:0]
	for {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			s.text = append(s.text, raw...)
			return nil
		}
		s.text = append(s.text, raw[:i]...)
		raw = raw[i:]
		j := bytes.IndexByte(raw, ';')
		if j < 0 {
			return errXMLSyntax
		}
		ent := string(raw[1:j])
		switch ent {
		case "amp":
			s.text = append(s.text, '&')
		case "lt":
			s.text = append(s.text, '<')
		case "gt":
			s.text = append(s.text, '>')
		case "quot":
			s.text = append(s.text, '"')
		case "apos":
			s.text = append(s.text, '\'')
		default:
			r, ok := charRef(ent)
			if !ok {
				return errXMLSyntax
			}
			s.text = utf8.AppendRune(s.text, r)
		}
		raw = raw[j+1:]
	}
}

func charRef(ent string) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	base, digits := 10, ent[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}
