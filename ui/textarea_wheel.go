package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne's multi-line entry scrolls its own text and keeps the mouse wheel
// even when the text fits, so the form under the pointer stops scrolling.
// A textArea lays a transparent wheel catcher over itself: the wheel
// scrolls the text when it overflows, else the form's scroll (outer).

// wheelCatcher takes the wheel over a textArea; it answers nothing else,
// so clicks and the pointer still reach the entry.
type wheelCatcher struct {
	*canvas.Rectangle
	area  *textArea
	inner func() *container.Scroll
}

// Scrolled scrolls the text when it needs it, else the enclosing form.
func (w *wheelCatcher) Scrolled(ev *fyne.ScrollEvent) {
	if in := w.inner(); in != nil && in.Content != nil && in.Content.MinSize().Height > in.Size().Height {
		in.Scrolled(ev)
		return
	}
	if w.area.outer != nil {
		w.area.outer.Scrolled(ev)
	}
}

type textAreaRenderer struct {
	fyne.WidgetRenderer
	wheel *wheelCatcher
}

// CreateRenderer puts the wheel catcher over Fyne's entry.
func (e *textArea) CreateRenderer() fyne.WidgetRenderer {
	r := &textAreaRenderer{WidgetRenderer: e.Entry.CreateRenderer()}
	r.wheel = &wheelCatcher{Rectangle: canvas.NewRectangle(color.Transparent), area: e, inner: r.inner}
	return r
}

func (r *textAreaRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.wheel.Move(fyne.NewPos(0, 0))
	r.wheel.Resize(size)
}

func (r *textAreaRenderer) Objects() []fyne.CanvasObject {
	objs := r.WidgetRenderer.Objects()
	return append(objs[:len(objs):len(objs)], r.wheel)
}

// inner is the entry's own scroll of its text.
func (r *textAreaRenderer) inner() *container.Scroll {
	for _, o := range r.WidgetRenderer.Objects() {
		if s, ok := o.(*container.Scroll); ok {
			return s
		}
	}
	return nil
}

// newFormScroll scrolls a form vertically; the wheel over its multi-line
// fields scrolls it too.
func newFormScroll(content fyne.CanvasObject) *container.Scroll {
	s := container.NewVScroll(content)
	adoptTextAreas(content, s)
	return s
}

// adoptTextAreas gives the textAreas inside o their enclosing scroll:
// through containers, forms, cards, splits and nested scrolls.
func adoptTextAreas(o fyne.CanvasObject, outer *container.Scroll) {
	switch x := o.(type) {
	case *textArea:
		x.outer = outer
	case *fyne.Container:
		for _, c := range x.Objects {
			adoptTextAreas(c, outer)
		}
	case *widget.Form:
		for _, it := range x.Items {
			adoptTextAreas(it.Widget, outer)
		}
	case *widget.Card:
		adoptTextAreas(x.Content, outer)
	case *container.Split:
		adoptTextAreas(x.Leading, outer)
		adoptTextAreas(x.Trailing, outer)
	case *container.Scroll:
		adoptTextAreas(x.Content, x)
	}
}
