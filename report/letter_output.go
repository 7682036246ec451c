package report

import (
	"bytes"
	"reflect"
	"unsafe"

	"github.com/jung-kurt/gofpdf"
)

// gofpdf builds the whole file in one bytes.Buffer when the document is
// output, and nothing of its API sizes that buffer. Grown by doubling to a
// 1,000-letter file's 3.9 MB (then), it allocated twice that in fresh
// memory, and the page faults of that memory were a sixth of a batch's CPU
// time (this machine's faults are dear: a virtual machine). The buffer is
// grown once, to the file's expected size, before the output
// (presizeOutput). Each page's own buffer, likewise, is grown to a page's
// size when the page is added (pageBuffer), not doubled seven times from
// 64 bytes.

// Expected bytes of a letter's page in the file (its content stream, about
// 3 KB in one language and 5 KB in both, and its page object), and of
// the fonts' subsets: a little over what was measured, since a buffer one
// byte too small doubles once more.
const (
	letterPageBytes     = 3400
	letterPageBothBytes = 5700
	letterFontBytes     = 256 << 10
)

// presizeOutput grows the document's output buffer to what the letters
// are expected to need, if it is smaller. Should gofpdf's insides ever
// change, it does nothing (outputBuffer is nil): the output stays the
// same, only slower.
func presizeOutput(pdf *gofpdf.Fpdf, n int) {
	if buf := outputBuffer(pdf); buf != nil && buf.Cap() < n {
		buf.Grow(n - buf.Len())
	}
}

// expectedBytes is the size the letters' file is expected to have.
func expectedBytes(letters []Letter, opt LetterOptions) int {
	n := letterFontBytes + len(opt.Signature) + len(opt.Stamp)
	for _, l := range letters {
		n += pageBytes(l.Lang)
	}
	return n
}

// pageBytes is the expected size of a page in lang.
func pageBytes(lang string) int {
	if lang == "both" {
		return letterPageBothBytes
	}
	return letterPageBytes
}

// outputBuffer returns gofpdf's output buffer (the field buffer, a struct
// embedding bytes.Buffer), or nil if the document has none such.
func outputBuffer(pdf *gofpdf.Fpdf) *bytes.Buffer {
	f := reflect.ValueOf(pdf).Elem().FieldByName("buffer")
	if !f.IsValid() || f.Kind() != reflect.Struct {
		return nil
	}
	b := f.FieldByName("Buffer")
	if !b.IsValid() || b.Type() != reflect.TypeFor[bytes.Buffer]() || !b.CanAddr() {
		return nil
	}
	return (*bytes.Buffer)(unsafe.Pointer(b.UnsafeAddr()))
}

// pageBuffer returns the buffer of the document's current page (gofpdf's
// field pages, one bytes.Buffer a page), or nil if the document has none
// such.
func pageBuffer(pdf *gofpdf.Fpdf) *bytes.Buffer {
	f := reflect.ValueOf(pdf).Elem().FieldByName("pages")
	if !f.IsValid() || f.Type() != reflect.TypeFor[[]*bytes.Buffer]() || f.Len() == 0 {
		return nil
	}
	p := f.Index(f.Len() - 1)
	if p.IsNil() {
		return nil
	}
	return (*bytes.Buffer)(p.UnsafePointer())
}
