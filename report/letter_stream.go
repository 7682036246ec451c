package report

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"unicode/utf16"
)

// gofpdf keeps a whole document in memory until Output. To keep memory flat
// in the batch size, WriteLetters renders chunks of letterChunk pages as
// small documents and joins them into one PDF as it goes: each chunk's
// objects are renumbered and copied to the output, its page tree and
// catalogue dropped, and one page tree over all pages written at the end.
// Each chunk embeds its own subset of the fonts, named with a distinct
// subset tag as the PDF standard asks. The chunks are rendered without
// compression and their streams compressed here with one reused
// compressor: gofpdf would make a new one (a megabyte) for every page.
const letterChunk = 100

var (
	objRef      = regexp.MustCompile(`(\d+) 0 R\b`)
	fontName    = regexp.MustCompile(`/(utf8[A-Za-z0-9]+)`)
	xrefStart   = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	trailerRoot = regexp.MustCompile(`/Root (\d+) 0 R`)
	trailerInfo = regexp.MustCompile(`/Info (\d+) 0 R`)
	kidsList    = regexp.MustCompile(`/Kids \[([^\]]*)\]`)
	typePage    = regexp.MustCompile(`/Type /Page\b[^s]`)
	streamLen   = regexp.MustCompile(`/Length (\d+)`)
)

// pdfJoiner writes the joined document.
type pdfJoiner struct {
	w       *bufio.Writer
	n       int64   // bytes written
	offsets []int64 // by object number - 1; objects 1–3 are the page tree, catalogue and info
	kids    []int
	chunks  int
	zbuf    bytes.Buffer
	z       *zlib.Writer
}

// newPDFJoiner writes nothing until the first chunk is added.
func newPDFJoiner(w io.Writer) *pdfJoiner {
	j := &pdfJoiner{w: bufio.NewWriterSize(w, 64<<10), offsets: make([]int64, 3)}
	j.z, _ = zlib.NewWriterLevel(&j.zbuf, zlib.BestSpeed) // only fails for a bad level
	return j
}

func (j *pdfJoiner) write(b []byte) error {
	n, err := j.w.Write(b)
	j.n += int64(n)
	return err
}

// compress returns the object's dictionary and stream, deflated if the
// stream had no filter.
func (j *pdfJoiner) compress(dict, stream []byte) ([]byte, []byte, error) {
	m := streamLen.FindSubmatchIndex(dict)
	if m == nil || bytes.Contains(dict, []byte("/Filter")) {
		return dict, stream, nil
	}
	n, _ := strconv.Atoi(string(dict[m[2]:m[3]]))
	const open = "stream\n"
	if len(stream) < len(open)+n {
		return nil, nil, fmt.Errorf("stream shorter than its length %d", n)
	}
	j.zbuf.Reset()
	j.z.Reset(&j.zbuf)
	if _, err := j.z.Write(stream[len(open) : len(open)+n]); err != nil {
		return nil, nil, err
	}
	if err := j.z.Close(); err != nil {
		return nil, nil, err
	}
	d := make([]byte, 0, len(dict)+24)
	d = append(d, dict[:m[0]]...)
	d = fmt.Appendf(d, "/Filter /FlateDecode /Length %d", j.zbuf.Len())
	d = append(d, dict[m[1]:]...)
	s := make([]byte, 0, len(open)+j.zbuf.Len()+16)
	s = append(append(append(s, open...), j.zbuf.Bytes()...), "\nendstream\n"...)
	return d, s, nil
}

// addChunk copies the objects of one complete gofpdf document.
func (j *pdfJoiner) addChunk(doc []byte) error {
	if j.n == 0 {
		if err := j.write([]byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")); err != nil {
			return err
		}
	}
	j.chunks++
	tag := subsetTag(j.chunks)
	objs, root, info, err := splitObjects(doc)
	if err != nil {
		return fmt.Errorf("join letter pages: %w", err)
	}
	// The chunk's page tree is object 1 (gofpdf's layout); its pages become
	// kids of the joined tree, which is object 1 too.
	newNum := map[int]int{1: 1}
	nums := make([]int, 0, len(objs))
	for k := range objs {
		nums = append(nums, k)
	}
	sort.Ints(nums)
	for _, k := range nums {
		if k != 1 && k != root && k != info {
			j.offsets = append(j.offsets, 0)
			newNum[k] = len(j.offsets)
		}
	}
	renumber := func(b []byte) []byte {
		b = objRef.ReplaceAllFunc(b, func(m []byte) []byte {
			k, _ := strconv.Atoi(string(m[:bytes.IndexByte(m, ' ')]))
			return []byte(strconv.Itoa(newNum[k]) + " 0 R")
		})
		return fontName.ReplaceAll(b, []byte("/"+tag+"+$1"))
	}
	for _, k := range nums {
		nk, ok := newNum[k]
		if !ok || k == 1 {
			continue
		}
		body := objs[k]
		// Only the dictionary is rewritten: stream data is binary.
		dict, stream := body, []byte(nil)
		if i := bytes.Index(body, []byte("stream\n")); i >= 0 {
			dict, stream = body[:i], body[i:]
		}
		dict, stream, err := j.compress(renumber(dict), stream)
		if err != nil {
			return fmt.Errorf("join letter pages: object %d: %w", k, err)
		}
		j.offsets[nk-1] = j.n
		if err := j.write(fmt.Appendf(nil, "%d 0 obj\n", nk)); err != nil {
			return err
		}
		for _, part := range [][]byte{dict, stream, []byte("endobj\n")} {
			if err := j.write(part); err != nil {
				return err
			}
		}
	}
	kids := kidsList.FindSubmatch(objs[1])
	if kids == nil {
		return fmt.Errorf("join letter pages: no page list in chunk %d", j.chunks)
	}
	for _, m := range objRef.FindAllSubmatch(kids[1], -1) {
		k, _ := strconv.Atoi(string(m[1]))
		if !typePage.Match(objs[k]) {
			return fmt.Errorf("join letter pages: object %d is not a page", k)
		}
		j.kids = append(j.kids, newNum[k])
	}
	return nil
}

// close writes the page tree, the catalogue, the info and the xref table.
func (j *pdfJoiner) close(title string) error {
	var kids bytes.Buffer
	for _, k := range j.kids {
		fmt.Fprintf(&kids, "%d 0 R ", k)
	}
	tail := []struct {
		num  int
		body string
	}{
		{1, fmt.Sprintf("<</Type /Pages\n/Kids [%s]\n/Count %d\n/MediaBox [0 0 595.28 841.89]\n>>", kids.String(), len(j.kids))},
		{2, "<</Type /Catalog\n/Pages 1 0 R\n>>"},
		{3, fmt.Sprintf("<</Producer %s\n/Title %s\n>>", pdfText("Мектепке жол"), pdfText(title))},
	}
	for _, t := range tail {
		j.offsets[t.num-1] = j.n
		if err := j.write(fmt.Appendf(nil, "%d 0 obj\n%s\nendobj\n", t.num, t.body)); err != nil {
			return err
		}
	}
	xref := j.n
	var b bytes.Buffer
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(j.offsets)+1)
	for _, o := range j.offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<<\n/Size %d\n/Root 2 0 R\n/Info 3 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", len(j.offsets)+1, xref)
	if err := j.write(b.Bytes()); err != nil {
		return err
	}
	return j.w.Flush()
}

// splitObjects reads a gofpdf document's objects (number → text between
// "n 0 obj\n" and "endobj") through its xref table.
func splitObjects(doc []byte) (objs map[int][]byte, root, info int, err error) {
	m := xrefStart.FindSubmatch(doc)
	if m == nil {
		return nil, 0, 0, fmt.Errorf("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(doc) {
		return nil, 0, 0, fmt.Errorf("bad startxref %d", xref)
	}
	trailer := doc[xref:]
	if r := trailerRoot.FindSubmatch(trailer); r != nil {
		root, _ = strconv.Atoi(string(r[1]))
	}
	if r := trailerInfo.FindSubmatch(trailer); r != nil {
		info, _ = strconv.Atoi(string(r[1]))
	}
	lines := bytes.Split(trailer, []byte("\n"))
	if len(lines) < 3 || string(lines[0]) != "xref" {
		return nil, 0, 0, fmt.Errorf("no xref table")
	}
	var first, count int
	if _, err := fmt.Sscanf(string(lines[1]), "%d %d", &first, &count); err != nil || first != 0 || len(lines) < 2+count {
		return nil, 0, 0, fmt.Errorf("bad xref header %q", lines[1])
	}
	type span struct{ num, start int }
	var spans []span
	for k := 1; k < count; k++ {
		var off, gen int
		var kind string
		if _, err := fmt.Sscanf(string(lines[2+k]), "%d %d %s", &off, &gen, &kind); err != nil || kind != "n" {
			continue
		}
		spans = append(spans, span{k, off})
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].start < spans[b].start })
	objs = make(map[int][]byte, len(spans))
	for i, s := range spans {
		end := xref
		if i+1 < len(spans) {
			end = spans[i+1].start
		}
		seg := doc[s.start:end]
		nl := bytes.IndexByte(seg, '\n')
		last := bytes.LastIndex(seg, []byte("endobj"))
		if nl < 0 || last < nl || !bytes.HasPrefix(seg, fmt.Appendf(nil, "%d 0 obj", s.num)) {
			return nil, 0, 0, fmt.Errorf("object %d not where the xref says", s.num)
		}
		objs[s.num] = seg[nl+1 : last]
	}
	return objs, root, info, nil
}

// subsetTag is the six capital letters that name a chunk's font subsets.
func subsetTag(n int) string {
	b := []byte("LTRAAA")
	for i := len(b) - 1; i >= 3 && n > 0; i-- {
		b[i] = byte('A' + n%26)
		n /= 26
	}
	return string(b)
}

// pdfText writes a PDF text string in UTF-16BE, as hex.
func pdfText(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
