package report

import (
	"bytes"
	"testing"
)

// TestLetterOutputPresized checks that gofpdf's output and page buffers
// are still reachable, so that they are grown at once, and that the size expected
// for the letters covers their file without wasting a quarter of it, in
// each language.
func TestLetterOutputPresized(t *testing.T) {
	opt := LetterOptions{Settings: benchSettings(), Template: DefaultLetterTemplate()}
	r, err := newLetterPDF(opt)
	if err != nil {
		t.Fatal(err)
	}
	if outputBuffer(r.pdf) == nil {
		t.Fatal("gofpdf's output buffer is not reachable: presizeOutput does nothing")
	}
	r.pdf.AddPage()
	if pageBuffer(r.pdf) == nil {
		t.Fatal("gofpdf's page buffer is not reachable: a page's memory is not taken at once")
	}
	for _, lang := range []string{"kk", "ru", "both"} {
		ls := benchLetters(300)
		for i := range ls {
			ls[i].Lang = lang
		}
		var buf bytes.Buffer
		if err := WriteLetters(&buf, ls, opt); err != nil {
			t.Fatal(err)
		}
		got, want := buf.Len(), expectedBytes(ls, opt)
		if got > want || want > got*5/4 {
			t.Errorf("%s: 300 letters took %d bytes, %d expected", lang, got, want)
		}
	}
}

// TestLettersOutputAtOnce writes two documents at the same time, as a
// preview tapped twice does: gofpdf writes into its fonts' bytes as it
// outputs (checksum padding), so each document must have its own (the race
// detector of make test watches), and both files come out whole.
func TestLettersOutputAtOnce(t *testing.T) {
	opt := LetterOptions{Settings: benchSettings(), Template: DefaultLetterTemplate()}
	docs := make([]*letterPDF, 2)
	for i := range docs {
		r, err := newLetterPDF(opt)
		if err != nil {
			t.Fatal(err)
		}
		r.pdf.AddPage()
		r.pdf.SetFont(fontSerif, "B", 20)
		r.pdf.Cell(100, 10, "Алғыс хат")
		docs[i] = r
	}
	outs := make([]bytes.Buffer, len(docs))
	errs, start := make(chan error, len(docs)), make(chan struct{})
	for i, r := range docs {
		go func() {
			<-start
			errs <- r.pdf.Output(&outs[i])
		}()
	}
	close(start)
	for range docs {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for i := range outs {
		if !bytes.HasSuffix(bytes.TrimSpace(outs[i].Bytes()), []byte("%%EOF")) {
			t.Fatalf("document %d is not whole (%d bytes)", i, outs[i].Len())
		}
	}
}
