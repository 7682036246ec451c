package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/jung-kurt/gofpdf"
	"github.com/mektepkezhol/app/assets"
	"github.com/mektepkezhol/app/data"
)

// LetterOptions say how WriteLetters prints.
type LetterOptions struct {
	Settings data.Settings // the department, city and head of department
	Template LetterTemplate
	// Blank prints only the variable text, shifted by the template's blank
	// offsets, for pre-printed certificate blanks.
	Blank bool
	// Signature and Stamp are optional PNG or JPEG images.
	Signature, Stamp []byte
	// Context cancels a batch between pages; nil means never.
	Context context.Context
	// Progress, if set, is called after each page with the pages done.
	Progress func(done, total int)
}

// ErrLetterSettings wraps the settings a letter cannot be printed without.
var ErrLetterSettings = errors.New("letter settings incomplete")

// checkLetters refuses a batch the settings cannot sign, before any page.
func checkLetters(letters []Letter, opt LetterOptions) error {
	var langs []string
	for i, l := range letters {
		switch l.Lang {
		case "kk", "ru", "both":
			langs = append(langs, l.Lang)
		default:
			return &data.ValidationError{Field: fmt.Sprintf("letters[%d].lang", i+1), Value: l.Lang, Key: "err.letter.lang"}
		}
		if strings.TrimSpace(l.Sponsor.Name) == "" {
			return &data.ValidationError{Field: fmt.Sprintf("letters[%d].sponsor", i+1), Key: "err.required"}
		}
	}
	if err := CheckLetterSettings(opt.Settings, langs...); err != nil {
		return err
	}
	return opt.Template.Validate()
}

// CheckLetterSettings tells whether the settings can sign letters in the
// languages (kk, ru, both): the head of department's name, and the title,
// department and city in each language. The error wraps ErrLetterSettings
// and a *data.ValidationError naming the field; its text is in kk and ru.
func CheckLetterSettings(st data.Settings, langs ...string) error {
	need := map[string]bool{}
	for _, l := range langs {
		need["kk"] = need["kk"] || l == "kk" || l == "both"
		need["ru"] = need["ru"] || l == "ru" || l == "both"
	}
	missing := func(field, kk, ru string) error {
		return fmt.Errorf("%w: баптауларда %s көрсетілмеген / в настройках не указано: %s: %w",
			ErrLetterSettings, kk, ru, &data.ValidationError{Field: field, Key: "err.letter.settings"})
	}
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	switch {
	case blank(st.HeadName):
		return missing("head_name", "бөлім басшысының аты-жөні", "ФИО руководителя отдела")
	case need["kk"] && blank(st.HeadTitleKK):
		return missing("head_title_kk", "басшының лауазымы (қазақша)", "должность руководителя (на казахском)")
	case need["ru"] && blank(st.HeadTitleRU):
		return missing("head_title_ru", "басшының лауазымы (орысша)", "должность руководителя (на русском)")
	case need["kk"] && blank(st.DepartmentKK):
		return missing("department_kk", "бөлімнің атауы (қазақша)", "название отдела (на казахском)")
	case need["ru"] && blank(st.DepartmentRU):
		return missing("department_ru", "бөлімнің атауы (орысша)", "название отдела (на русском)")
	case need["kk"] && blank(st.CityKK):
		return missing("city_kk", "қала (қазақша)", "город (на казахском)")
	case need["ru"] && blank(st.CityRU):
		return missing("city_ru", "қала (орысша)", "город (на русском)")
	}
	return nil
}

// WriteLetters renders one A4 page per letter into w as a single PDF. The
// settings are checked before the first page, so a batch they cannot sign
// writes nothing. The batch is one gofpdf document, so each font is
// embedded once, as a subset of the letters' characters; it is held in
// memory until the last page (about 5 KB a letter) and only then written,
// so an error or a cancelled context writes nothing to w. The letters are
// laid out on a second goroutine a few pages ahead of the drawing
// (layOutAhead), so a batch uses two cores. opt.Progress is called after
// each page, on the caller's goroutine.
func WriteLetters(w io.Writer, letters []Letter, opt LetterOptions) error {
	if err := checkLetters(letters, opt); err != nil {
		return err
	}
	b, err := NewLetterBatch(opt, 0, "")
	if err != nil {
		return err
	}
	return b.Write(w, letters)
}

// LetterBatch is a letters document made ready before its letters are
// known: the fonts read, the border drawn, the measurer made, the output's
// memory taken. A caller that still waits for the letters' figures (the
// gift trace) makes it in the meantime; that was a tenth of a 1,000-letter
// batch's time.
type LetterBatch struct {
	r   *letterPDF
	lay *layout
	opt LetterOptions
}

// NewLetterBatch makes a document ready for WriteLetters' pages with opt,
// for about n letters in lang (0: not known yet). It is written once, by
// Write.
func NewLetterBatch(opt LetterOptions, n int, lang string) (*LetterBatch, error) {
	if err := opt.Template.Validate(); err != nil {
		return nil, err
	}
	var lay *layout
	made := make(chan struct{})
	go func() { // the measurer reads the same fonts again: on the other core
		defer close(made)
		lay = newLayout(opt)
	}()
	r, err := newLetterPDF(opt)
	<-made
	if err != nil {
		return nil, err
	}
	if n > 0 {
		presizeOutput(r.pdf, letterFontBytes+len(opt.Signature)+len(opt.Stamp)+n*pageBytes(lang))
	}
	return &LetterBatch{r: r, lay: lay, opt: opt}, nil
}

// Write renders the letters into w, as WriteLetters does, and ends the
// batch: a LetterBatch is written once.
func (b *LetterBatch) Write(w io.Writer, letters []Letter) error {
	if b.r == nil {
		return errors.New("letters: the batch was already written")
	}
	r, opt := b.r, b.opt
	b.r = nil
	if err := checkLetters(letters, opt); err != nil {
		return err
	}
	ctx := opt.Context
	if ctx == nil {
		ctx = context.Background()
	}
	laid, stop := layOutAhead(b.lay, letters)
	defer stop()
	for i, l := range letters {
		if err := ctx.Err(); err != nil {
			return err
		}
		r.page(l, <-laid)
		if err := r.pdf.Error(); err != nil {
			return fmt.Errorf("letter № %d (%s): %w", l.Number, l.Sponsor.Name, err)
		}
		if opt.Progress != nil {
			opt.Progress(i+1, len(letters))
		}
	}
	presizeOutput(r.pdf, expectedBytes(letters, opt))
	return r.pdf.Output(w)
}

// layOutAhead lays out the letters, in order, on a goroutine of its own
// with lay's measurer, a few pages ahead of the one drawing them: gofpdf
// measures and draws in one thread, so the two share no document. stop
// ends the goroutine (the drawing may stop early: an error, a cancel).
func layOutAhead(lay *layout, letters []Letter) (laid <-chan laidOut, stop func()) {
	ch := make(chan laidOut, 32)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for _, l := range letters {
			select {
			case ch <- lay.layOut(l):
			case <-done:
				return
			}
		}
	})
	return ch, func() {
		close(done)
		wg.Wait()
	}
}

// letterPDF is the document being written and what each page reuses.
type letterPDF struct {
	pdf    *gofpdf.Fpdf
	opt    LetterOptions
	tpl    LetterTemplate
	border gofpdf.Template
	forms  map[string]gofpdf.Template // fixedForm's, by key
	images map[string]bool            // registered image names
}

// Fonts of the letters, registered under these family names.
const (
	fontSerif = "ptserif"
)

// newMeasurer returns a document without pages that measures text: on the
// real document every size tried would write a font change into the page.
func newMeasurer() *gofpdf.Fpdf {
	m := gofpdf.New("P", "mm", "A4", "")
	m.SetCellMargin(0)
	for _, f := range serifFaces {
		m.AddUTF8FontFromBytes(fontSerif, f.style, bytes.Clone(serifFonts()[f.file]))
	}
	return m
}

var serifFaces = []struct{ style, file string }{{"", assets.SerifRegular}, {"B", assets.SerifBold}, {"I", assets.SerifItalic}}

// serifFonts reads the letters' fonts once a process, by file. Each
// document gets its own copy: gofpdf writes into the bytes it is given
// (it pads tables in place for their checksums as it outputs, and may
// append to the metrics as it reads a font), so two documents output at
// once (a preview tapped twice) must not share them.
var serifFonts = sync.OnceValue(func() map[string][]byte {
	fonts := map[string][]byte{}
	for _, f := range serifFaces {
		fonts[f.file] = assets.Font(f.file)
	}
	return fonts
})

// newLetterPDF starts a document.
func newLetterPDF(opt LetterOptions) (*letterPDF, error) {
	pdf := gofpdf.New("P", "mm", "A4", "")
	// Page contents stay uncompressed: gofpdf makes a new compressor (a
	// megabyte) for every page, which took three quarters of a batch's time;
	// a letter's text is about 4.6 KB. Fonts are compressed all the same.
	pdf.SetCompression(false)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCellMargin(0)
	pdf.SetCreator("Мектепке жол", true)
	pdf.SetTitle("Алғыс хат", true)
	for _, f := range serifFaces {
		pdf.AddUTF8FontFromBytes(fontSerif, f.style, bytes.Clone(serifFonts()[f.file]))
	}
	r := &letterPDF{pdf: pdf, opt: opt, tpl: opt.Template, images: map[string]bool{}, forms: map[string]gofpdf.Template{}}
	r.tpl.fillDefaults()
	if !opt.Blank {
		// The border is drawn once, as a form the pages refer to: a
		// thousand letters share one copy of its curves.
		r.border = newFixedTemplate(pdf.CreateTemplate(func(t *gofpdf.Tpl) { drawBorder(&t.Fpdf) }))
	}
	for name, img := range map[string][]byte{"signature": opt.Signature, "stamp": opt.Stamp} {
		if len(img) == 0 {
			continue
		}
		var typ string
		switch http.DetectContentType(img) {
		case "image/png":
			typ = "png"
		case "image/jpeg":
			typ = "jpg"
		default:
			return nil, fmt.Errorf("%s image: PNG or JPEG expected", name)
		}
		pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: typ}, bytes.NewReader(img))
		if err := pdf.Error(); err != nil {
			return nil, fmt.Errorf("%s image: %w", name, err)
		}
		r.images[name] = true
	}
	return r, pdf.Error()
}

// fixedTemplate is a template whose identifier is worked out once: gofpdf's
// own hashes the template's whole content (the border's thousands of curve
// points) with SHA-1 each time a page uses it, which was a quarter of a
// batch's time.
type fixedTemplate struct {
	gofpdf.Template
	id string
}

func newFixedTemplate(t gofpdf.Template) gofpdf.Template {
	return fixedTemplate{Template: t, id: t.ID()}
}

// ID returns the identifier worked out when the template was made.
func (t fixedTemplate) ID() string { return t.id }
