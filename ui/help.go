package ui

import (
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/mektepkezhol/app/docs/guide"
)

// helpPage returns the guide's page (docs/guide/<lang>/<page>.md) that F1
// opens on a screen: the contents on the dashboard and on a screen that has
// no page of its own.
func helpPage(screen string) string {
	switch screen {
	case scrSettings, scrSchools:
		return "01-setup"
	case scrChildren:
		return "02-import"
	case scrSponsors, scrDonations, scrItems:
		return "03-donations"
	case scrDistributions:
		return "04-giving"
	case scrAppeals:
		return "05-appeals"
	case scrCoverage:
		return "06-coverage"
	case scrReports:
		return "08-reports"
	}
	return guide.Contents
}

// showHelp opens the guide's page of the current screen, in the clerk's
// language, in the help window.
func (u *App) showHelp() { u.openHelp(helpPage(u.current)) }

func (u *App) openHelp(page string) {
	if u.help == nil {
		u.help = newHelpWindow(u)
	}
	u.help.open(language(), page)
}

// helpMenu is the main menu's «Анықтама / Справка».
func (u *App) helpMenu() *fyne.Menu {
	page := fyne.NewMenuItem(lang.L("help.screen"), u.showHelp)
	// Shown as the item's key; F1 itself arrives through onTypedKey, as
	// Fyne runs menu shortcuts only with a modifier.
	page.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF1}
	page.Icon = theme.HelpIcon()
	contents := fyne.NewMenuItem(lang.L("help.contents"), func() { u.openHelp(guide.Contents) })
	return fyne.NewMenu(lang.L("menu.help"), page, contents)
}

// helpWindow shows the guide: its pages on the left, one page on the right.
type helpWindow struct {
	u      *App
	win    fyne.Window
	lang   string
	pages  []guide.Page
	page   string // the name of the page shown
	list   *widget.List
	text   *widget.RichText
	scroll *container.Scroll
}

func newHelpWindow(u *App) *helpWindow {
	h := &helpWindow{u: u, win: u.app.NewWindow(lang.L("menu.help")), text: widget.NewRichText()}
	h.text.Wrapping = fyne.TextWrapWord
	h.scroll = container.NewVScroll(container.NewPadded(h.text))
	h.list = widget.NewList(func() int { return len(h.pages) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Мектепке жол ______")
			l.Truncation = fyne.TextTruncateEllipsis // the whole title is the page's heading
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(h.pages[i].Title) })
	h.list.OnSelected = func(i widget.ListItemID) {
		if h.pages[i].Name != h.page {
			h.show(h.pages[i].Name)
		}
	}
	split := container.NewHSplit(h.list, h.scroll)
	split.Offset = 0.3
	h.win.SetContent(split)
	h.win.Resize(fyne.NewSize(980, 680))
	h.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			h.win.Close()
		}
	})
	h.win.SetOnClosed(func() { u.help = nil })
	return h
}

// open shows page in language code and brings the window up.
func (h *helpWindow) open(code, page string) {
	if code != h.lang {
		pages, err := guide.Pages(code)
		if err != nil {
			showError(h.u.win, err)
			return
		}
		h.lang, h.pages, h.page = code, pages, ""
		h.win.SetTitle(lang.L("menu.help") + " — " + lang.L("app.title"))
		h.list.Refresh()
	}
	h.show(page)
	for i, p := range h.pages {
		if p.Name == page {
			h.list.Select(i)
		}
	}
	h.win.Show()
	h.win.RequestFocus()
}

// show renders a page of the current language.
func (h *helpWindow) show(name string) {
	for _, p := range h.pages {
		if p.Name != name {
			continue
		}
		h.page = name
		h.text.Segments = h.inApp(widget.NewRichTextFromMarkdown(p.Text).Segments)
		h.text.Refresh()
		h.scroll.ScrollToTop()
		return
	}
}

// inApp fits the page's segments to the window: the screenshots are left
// out (the clerk has the screen itself beside the help), a link to another
// page of the guide opens it here, and a link out of the guide (to the
// developers' docs) becomes plain text, so that no link is broken.
func (h *helpWindow) inApp(segs []widget.RichTextSegment) []widget.RichTextSegment {
	out := segs[:0]
	for _, s := range segs {
		switch x := s.(type) {
		case *widget.ImageSegment:
			continue
		case *widget.ParagraphSegment:
			x.Texts = h.inApp(x.Texts)
		case *widget.ListSegment:
			x.Items = h.inApp(x.Items)
		case *widget.HyperlinkSegment:
			s = h.link(x)
		}
		out = append(out, s)
	}
	return out
}

// link rewires a hyperlink: to a page of the guide, shown here; elsewhere
// relative, plain text. Web addresses keep Fyne's default.
func (h *helpWindow) link(l *widget.HyperlinkSegment) widget.RichTextSegment {
	if l.URL == nil || l.URL.IsAbs() {
		return l
	}
	target := l.URL.Path
	if target == "" || strings.Contains(target, "/") || path.Ext(target) != ".md" {
		return &widget.TextSegment{Style: widget.RichTextStyleInline, Text: l.Text}
	}
	name := strings.TrimSuffix(target, ".md")
	l.OnTapped = func() { h.u.openHelp(name) }
	return l
}

// navList is the screens' list. It holds the keyboard once clicked, so it
// passes F1 on to the help as the window does.
type navList struct {
	widget.List
	onHelp func()
}

func newNavList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), onHelp func()) *navList {
	l := &navList{onHelp: onHelp}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey opens the help on F1 and moves through the list otherwise.
func (l *navList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyF1 {
		l.onHelp()
		return
	}
	l.List.TypedKey(ev)
}
