package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// layoutSizes are the office laptop's 1366×768 less the Windows taskbar,
// and the smaller 1280×720.
var layoutSizes = []fyne.Size{{Width: 1366, Height: 728}, {Width: 1280, Height: 720}}

// TestLayoutsFit lays out every screen and the main dialogs (those of the
// screenshots) at both sizes in kk and ru, and fails when the window would
// have to grow, or a button, entry or label lies outside the window or is
// cut (drawn smaller than its text).
func TestLayoutsFit(t *testing.T) {
	for _, code := range []string{"kk", "ru"} {
		for _, size := range layoutSizes {
			t.Run(fmt.Sprintf("%s-%vx%v", code, size.Width, size.Height), func(t *testing.T) {
				u, _ := newTestUI(t)
				setLanguage(code)
				u.settings.Language = code
				u.build()
				u.win.Resize(size)
				var bad []string
				for _, name := range screenOrder {
					u.show(name, nil)
					bad = append(bad, misfits(u.win, name, size)...)
				}
				for _, d := range u.tourDialogs() {
					d.show()
					bad = append(bad, misfits(u.win, d.name, size)...)
					u.closeDialogs()
				}
				if len(bad) > 0 {
					t.Fatalf("%d misfits at %vx%v in %s:\n%s", len(bad), size.Width, size.Height, code, strings.Join(bad, "\n"))
				}
			})
		}
	}
}

// misfits lists what does not fit a window of size: the content asking
// for more room than the window has, and each visible button, entry,
// select, check or label outside the window or smaller than its text.
func misfits(w fyne.Window, what string, size fyne.Size) []string {
	var bad []string
	relayout(w.Content())
	for _, o := range w.Canvas().Overlays().List() {
		relayout(o)
	}
	// the test canvas pads its content, as a window does
	room := size.Subtract(fyne.NewSquareSize(2 * theme.Padding()))
	if min := w.Content().MinSize(); min.Width > room.Width+0.5 || min.Height > room.Height+0.5 {
		bad = append(bad, fmt.Sprintf("%s: needs %v×%v", what, min.Width, min.Height))
	}
	window := rect{0, 0, size.Width, size.Height}
	check := func(o fyne.CanvasObject, at fyne.Position, clip rect, scrolled bool) {
		if len(bad) > 40 {
			return
		}
		name, ok := controlName(o)
		if !ok {
			return
		}
		if o.Size().IsZero() {
			return // not drawn (a dialog's unused title)
		}
		r := rect{at.X, at.Y, at.X + o.Size().Width, at.Y + o.Size().Height}
		if !r.overlaps(clip) {
			return // scrolled out of sight
		}
		if r.x1 > window.x1+0.5 || r.x0 < -0.5 || (r.y1 > window.y1+0.5 && !scrolled) {
			bad = append(bad, fmt.Sprintf("%s: %s at %v,%v size %v×%v outside the window", what, name, at.X, at.Y, o.Size().Width, o.Size().Height))
			return
		}
		if min := o.MinSize(); o.Size().Width+0.5 < min.Width || o.Size().Height+1.5 < min.Height {
			bad = append(bad, fmt.Sprintf("%s: %s at %v,%v cut: %v×%v of %v×%v", what, name, at.X, at.Y, o.Size().Width, o.Size().Height, min.Width, min.Height))
		} else if l, ok := o.(*widget.Label); ok && l.Truncation != fyne.TextTruncateOff && l.Wrapping == fyne.TextWrapOff {
			full := fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
			if full > o.Size().Width+0.5 {
				bad = append(bad, fmt.Sprintf("%s: %s truncated to %v of %v", what, name, o.Size().Width, full))
			}
		}
	}
	visit(w.Content(), fyne.NewPos(0, 0), window, false, check)
	for _, o := range w.Canvas().Overlays().List() {
		if p, ok := o.(*widget.PopUp); ok {
			if min := p.Content.MinSize(); min.Width > size.Width+0.5 || min.Height > size.Height+0.5 {
				bad = append(bad, fmt.Sprintf("%s: the dialog needs %v×%v", what, min.Width, min.Height))
			}
		}
		visit(o, fyne.NewPos(0, 0), window, false, check)
	}
	return bad
}

// relayout lays o out again top down at the sizes it has, as the real
// driver does before each frame: the test canvas lays out only on resize,
// so text set after that is not yet placed.
func relayout(o fyne.CanvasObject) {
	if o == nil || !o.Visible() {
		return
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
		children = x.Objects
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		r.Layout(x.Size())
		children = r.Objects()
	}
	for _, c := range children {
		relayout(c)
	}
}

// rect is a box in window coordinates.
type rect struct{ x0, y0, x1, y1 float32 }

func (r rect) overlaps(o rect) bool { return r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1 }

func (r rect) intersect(o rect) rect {
	return rect{max(r.x0, o.x0), max(r.y0, o.y0), min(r.x1, o.x1), min(r.y1, o.y1)}
}

// visit walks the visible objects under o, at its absolute position, with
// the box a scroller clips them to (inside one, scrolled is set and
// reaching below the window is fine, as long as it is not beside it). Lists and tables scroll their own
// cells and are checked as a whole.
func visit(o fyne.CanvasObject, at fyne.Position, clip rect, scrolled bool, fn func(fyne.CanvasObject, fyne.Position, rect, bool)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o, at, clip, scrolled)
	switch o.(type) {
	case *widget.Table, *widget.List, *widget.Tree, *widget.GridWrap:
		return
	case *widget.Entry, *lineEntry, *textArea, *widget.SelectEntry, *widget.Select:
		return // their own parts (a drop-down's button) are theirs to size
	case *container.Scroll:
		clip = clip.intersect(rect{at.X, at.Y, at.X + o.Size().Width, at.Y + o.Size().Height})
		scrolled = true
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, c := range children {
		visit(c, at.Add(c.Position()), clip, scrolled, fn)
	}
}

// controlName names the controls the check looks at, by their text.
func controlName(o fyne.CanvasObject) (string, bool) {
	switch x := o.(type) {
	case *widget.Button:
		return "button «" + x.Text + "»", true
	case *widget.Entry:
		return "entry «" + x.Text + x.PlaceHolder + "»", true
	case *lineEntry:
		return "entry «" + x.Text + x.PlaceHolder + "»", true
	case *textArea:
		return "text «" + x.Text + x.PlaceHolder + "»", true
	case *widget.SelectEntry:
		return "entry «" + x.Text + x.PlaceHolder + "»", true
	case *widget.Select:
		return "select «" + x.Selected + "»", true
	case *widget.Check:
		return "check «" + x.Text + "»", true
	case *widget.Label:
		return "label «" + x.Text + "»", x.Text != ""
	}
	return "", false
}
