package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/mektepkezhol/app/cmd/internal/office"
	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
	"github.com/mektepkezhol/app/report/pdftest"
	"github.com/mektepkezhol/app/ui"
)

// TestLettersActionPrintsUnthanked prints the letters of the donors not
// yet thanked from the sponsors screen: one PDF, a page each, in the
// Documents folder, and a register number each.
func TestLettersActionPrintsUnthanked(t *testing.T) {
	g := newGUI(t)
	want, before := len(g.unthanked(t)), g.letters(t)
	g.openLetters(t)
	test.Tap(button(t, g.w.Canvas().Overlays().Top(), lang.L("letters.print")))
	pdf := filepath.Join(g.docs, lang.L("letters.file_name", map[string]any{"Year": g.c.Year})+".pdf")
	eventually(t, "the letters", func() bool { return exists(pdf) && g.letters(t) == before+want })
	if got := pdftest.Pages(t, pdf); got != want {
		t.Fatalf("pages=%d, want %d", got, want)
	}
	eventually(t, "the result", func() bool { return strings.Contains(overlayText(g.w), pdf) })
}

// cancelling wraps the documents so that the clerk taps Cancel in the
// progress dialog after the second page.
type cancelling struct {
	documents
	g **gui // set once the window is built
	t *testing.T
}

func (c cancelling) PrintLetters(ctx context.Context, camp data.Campaign, req ui.LettersRequest,
	progress func(done, total int)) (ui.LettersResult, error) {
	return c.documents.PrintLetters(ctx, camp, req, func(done, total int) {
		progress(done, total)
		if done == 2 {
			test.Tap(button(c.t, (*c.g).w.Canvas().Overlays().Top(), lang.L("action.cancel")))
		}
	})
}

// TestLettersCancelLeavesNothing cancels a batch from the progress
// dialog: no file, no register row.
func TestLettersCancelLeavesNothing(t *testing.T) {
	var g *gui
	g = newGUIWith(t, datatest.DSN(t), func(d documents) ui.Documents { return cancelling{d, &g, t} })
	before := g.letters(t)
	g.openLetters(t)
	radio(t, g.w.Canvas().Overlays().Top(), lang.L("letters.files.each"))
	test.Tap(button(t, g.w.Canvas().Overlays().Top(), lang.L("letters.print")))
	eventually(t, "the cancel", func() bool { return strings.Contains(overlayText(g.w), lang.L("letters.cancelled")) })
	if left, _ := os.ReadDir(g.docs); len(left) != 0 {
		t.Fatalf("files left in Documents: %v", left)
	}
	if got := g.letters(t); got != before {
		t.Fatalf("register rows=%d, want %d", got, before)
	}
}

// TestLettersMissingHead refuses before printing, names the field and
// leads to the settings.
func TestLettersMissingHead(t *testing.T) {
	g := newGUI(t)
	ctx := context.Background()
	s, err := g.st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.HeadName = ""
	if err := g.st.SaveSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	before := g.letters(t)
	g.openLetters(t)
	test.Tap(button(t, g.w.Canvas().Overlays().Top(), lang.L("letters.print")))
	if msg := overlayText(g.w); !strings.Contains(msg, lang.L("field.head_name")) {
		t.Fatalf("the dialog does not name the head of department:\n%s", msg)
	}
	test.Tap(button(t, g.w.Canvas().Overlays().Top(), lang.L("letters.open_settings")))
	find(t, g.w.Content(), func(c *widget.Card) bool { return c.Subtitle == lang.L("settings.office") }) // the head's field
	if left, _ := os.ReadDir(g.docs); len(left) != 0 {
		t.Fatalf("files written: %v", left)
	}
	if got := g.letters(t); got != before {
		t.Fatalf("register rows=%d, want %d", got, before)
	}
}

// TestReportsScreen writes the press-conference PDF and the mäslikhat's
// workbook (figures equal to the store's summary), the press release and
// a school's handover sheet (0600).
func TestReportsScreen(t *testing.T) {
	g := newGUI(t)
	ctx := context.Background()
	sum, err := g.st.Summary(ctx, g.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	g.goTo(t, "reports")
	content := g.w.Content()
	test.Tap(button(t, content, lang.L("reports.pdf")))
	pdf := filepath.Join(g.docs, lang.L("reports.file_pdf.kk", map[string]any{"Year": g.c.Year})+".pdf")
	eventually(t, "the PDF", func() bool { return exists(pdf) })
	text := pdftest.Text(t, pdf)
	for _, n := range []int64{sum.MoneyTenge, int64(sum.ChildrenHelped), sum.ItemsDistributed} {
		if !strings.Contains(text, data.FormatNumber(n)) {
			t.Errorf("the PDF lacks %s", data.FormatNumber(n))
		}
	}

	radio(t, content, lang.L("lang.ru"))
	xlsx := filepath.Join(g.docs, lang.L("reports.file_xlsx.ru", map[string]any{"Year": g.c.Year})+".xlsx")
	eventually(t, "the buttons", func() bool { return !button(t, content, lang.L("reports.xlsx")).Disabled() })
	test.Tap(button(t, content, lang.L("reports.xlsx")))
	eventually(t, "the workbook", func() bool { return exists(xlsx) })
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := f.GetCellValue("Свод", "B5", excelize.Options{RawCellValue: true})
	if want := strconv.FormatInt(sum.MoneyTenge, 10); err != nil || strings.ReplaceAll(v, " ", "") != want {
		t.Errorf("Свод!B5=%q (%v), want the money raised %s", v, err, want)
	}

	eventually(t, "the buttons", func() bool { return !button(t, content, lang.L("reports.press")).Disabled() })
	test.Tap(button(t, content, lang.L("reports.press")))
	want, err := office.PressRelease(ctx, g.st, g.c.ID, "ru")
	if err != nil {
		t.Fatal(err)
	}
	press := find(t, content, func(e *ui.TextArea) bool { return e.MultiLine })
	eventually(t, "the press release", func() bool { return press.Text == want })

	ds, err := g.st.FindDistributions(ctx, data.DistributionFilter{CampaignID: g.c.ID})
	if err != nil || len(ds) == 0 {
		t.Fatalf("distributions: %d, %v", len(ds), err)
	}
	sel := find(t, content, func(s *widget.Select) bool { return len(s.Options) > 0 })
	for i, o := range sel.Options {
		if strings.HasPrefix(o, "№"+strconv.Itoa(ds[0].SchoolNumber)+" ") {
			sel.SetSelectedIndex(i)
		}
	}
	eventually(t, "the buttons", func() bool { return !button(t, content, lang.L("reports.handover")).Disabled() })
	test.Tap(button(t, content, lang.L("reports.handover")))
	sheet := filepath.Join(g.docs, lang.L("reports.file_handover.ru",
		map[string]any{"Year": g.c.Year, "School": ds[0].SchoolNumber})+".pdf")
	eventually(t, "the handover sheet", func() bool { return exists(sheet) })
	if fi, err := os.Stat(sheet); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("handover sheet mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
}

// TestLetterTemplateSettings saves the template from the settings screen,
// refuses an unknown placeholder naming its field, and writes the blank's
// calibration page into the Documents folder.
func TestLetterTemplateSettings(t *testing.T) {
	g := newGUI(t)
	ctx := context.Background()
	g.settingsCard(t, "letters.settings")
	content := g.w.Content()
	offset := find(t, content, func(e *ui.LineEntry) bool { return e.Text == "0" })
	offset.SetText("3,5")
	saveShortcut(t, g) // File → Save on the letters' tab saves the template
	tpl, err := office.LetterTemplate(ctx, g.st)
	if err != nil || tpl.BlankOffsetXmm+tpl.BlankOffsetYmm != 3.5 {
		t.Fatalf("saved offsets %v/%v (%v), want 3.5 mm", tpl.BlankOffsetXmm, tpl.BlankOffsetYmm, err)
	}
	g.w.Canvas().Overlays().Remove(g.w.Canvas().Overlays().Top())

	body := find(t, content, func(e *ui.TextArea) bool { return e.MultiLine && e.Text == tpl.BodyKK })
	body.SetText(tpl.BodyKK + " {{bogus}}")
	test.Tap(button(t, content, lang.L("letters.save_template")))
	if msg := overlayText(g.w); !strings.Contains(msg, lang.L("field.body_kk")) || !strings.Contains(msg, "bogus") {
		t.Fatalf("the error does not name the text and the placeholder:\n%s", msg)
	}
	if again, _ := office.LetterTemplate(ctx, g.st); again.BodyKK != tpl.BodyKK {
		t.Fatalf("the bad text was saved: %q", again.BodyKK)
	}
	g.w.Canvas().Overlays().Remove(g.w.Canvas().Overlays().Top())

	test.Tap(button(t, content, lang.L("letters.calibration")))
	page := filepath.Join(g.docs, lang.L("letters.calibration_file")+".pdf")
	eventually(t, "the calibration page", func() bool { return exists(page) })
	if got := pdftest.Pages(t, page); got != 1 {
		t.Fatalf("calibration pages=%d, want 1", got)
	}
}

// TestLetterTemplateUnsavedAsks: the template as loaded leaves the
// settings without a question; typed and not saved, it is asked about.
func TestLetterTemplateUnsavedAsks(t *testing.T) {
	g := newGUI(t)
	g.settingsCard(t, "letters.settings")
	g.goTo(t, "dashboard")
	if top := g.w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("leaving the template untouched asks:\n%s", overlayText(g.w))
	}
	g.settingsCard(t, "letters.settings")
	find(t, g.w.Content(), func(e *ui.LineEntry) bool { return e.Text == "0" }).SetText("2")
	g.goTo(t, "dashboard")
	if msg := overlayText(g.w); !strings.Contains(msg, lang.L("unsaved.message")) {
		t.Fatalf("leaving a changed template does not ask:\n%s", msg)
	}
}
