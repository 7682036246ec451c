package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// paintProbe tells the timings when what is on the window now has been
// painted and shown: a 1×1 transparent raster laid over the window's
// corner is generated afresh, inside the next frame's paint, once it was
// refreshed; the callbacks then queue behind that frame, so they run after
// its buffers were swapped. Only with the timing hooks on; a rebuild of
// the window's content (a language switch) drops the probe, and the
// answers timed after it are then not written.
type paintProbe struct {
	raster  *canvas.Raster
	waiting []func() // UI goroutine only
}

// addPaintProbe lays the probe over the window's content.
func (u *App) addPaintProbe() *paintProbe {
	p := &paintProbe{}
	p.raster = canvas.NewRaster(p.generate)
	p.raster.Resize(fyne.NewSquareSize(1))
	u.win.SetContent(container.NewStack(u.win.Content(), container.NewWithoutLayout(p.raster)))
	return p
}

// afterPaint runs f on the UI goroutine once the next frame is shown.
// Call it on the UI goroutine.
func (p *paintProbe) afterPaint(f func()) {
	p.waiting = append(p.waiting, f)
	if len(p.waiting) == 1 {
		p.raster.Refresh()
	}
}

func (p *paintProbe) generate(w, h int) image.Image {
	for _, f := range p.waiting {
		fyne.Do(f)
	}
	p.waiting = nil
	return image.NewNRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
}
