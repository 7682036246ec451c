package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/mektepkezhol/app/data"
)

// Tour shows every screen in kk and then ru for `make screenshots`. For
// each it writes «<lang>-<screen>» on out and waits until the script has
// saved dir/<lang>-<screen>.png (or 15 s), then quits the app. The
// language is switched for the tour only; the settings are not saved.
func (u *App) Tour(out io.Writer, dir string) {
	fyne.DoAndWait(func() {
		u.win.Resize(fyne.NewSize(1366, 768))
		u.win.CenterOnScreen() // on a 1366×768 screen: the whole screen
	})
	time.Sleep(2 * time.Second) // the window maps and the first frame is drawn
	for _, code := range []string{"kk", "ru"} {
		fyne.DoAndWait(func() {
			setLanguage(code)
			u.settings.Language = code
			u.build()
			u.screens[scrSettings].(*settingsScreen).section = "" // its first tab, not the last one shown
		})
		for _, name := range screenOrder {
			fyne.DoAndWait(func() { u.show(name, nil) })
			time.Sleep(1500 * time.Millisecond) // the background loads land
			if s, ok := u.screens[name].(interface{ showFirst() }); ok {
				fyne.DoAndWait(s.showFirst)
				time.Sleep(700 * time.Millisecond)
			}
			shot := code + "-" + name
			fmt.Fprintln(out, shot)
			waitForFile(filepath.Join(dir, shot+".png"), 15*time.Second)
		}
		for _, d := range u.tourDialogs() {
			fyne.DoAndWait(d.show)
			time.Sleep(700 * time.Millisecond)
			shot := code + "-" + d.name
			fmt.Fprintln(out, shot)
			waitForFile(filepath.Join(dir, shot+".png"), 15*time.Second)
			fyne.DoAndWait(u.closeDialogs)
		}
	}
	fyne.Do(u.app.Quit)
}

func waitForFile(path string, limit time.Duration) {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
			time.Sleep(200 * time.Millisecond) // import finishes writing
			return
		}
	}
}

// LogStartup prints how long the app took from start to its first window
// on w once the window is showing; the timings' walk counts from start too.
func (u *App) LogStartup(w io.Writer, start time.Time) {
	u.started = start
	u.app.Lifecycle().SetOnStarted(func() {
		fmt.Fprintf(w, "first window after %d ms\n", time.Since(start).Milliseconds())
		if os.Getenv("MEKTEPKEZHOL_FIRST_WINDOW") == "exit" { // make bench times the start and quits
			u.app.Quit()
		}
	})
}

// tourDialogs are the dialogs and forms the screenshots show, and the
// layout test lays out (ui/layout_test.go): a validation error that names
// its field beside the sponsor form, the duplicate-distribution warning,
// the restore dialog, a hotline call, a donation with a line, a purchase.
func (u *App) tourDialogs() []struct {
	name string
	show func()
} {
	return []struct {
		name string
		show func()
	}{
		{"error", func() {
			u.show(scrSponsors, nil)
			f := u.screens[scrSponsors].(*sponsorsScreen).form
			f.edit(data.Sponsor{Kind: data.SponsorLegal})
			f.name.SetText("«Нұр Тест» ЖШС")
			f.bin.SetText("150640005042")
			f.onSaveTapped()
			f.state.dirty = false
		}},
		{"import", u.tourImport}, // ui/import_tour.go
		{"events", u.tourEvents},
		{"duplicate", func() {
			u.show(scrDistributions, nil)
			s := u.screens[scrDistributions].(*distributionsScreen)
			if len(s.rows) == 0 {
				return
			}
			r := s.rows[0]
			c, err := u.st.FindChildByID(u.ctx, r.ChildID)
			if err != nil {
				return
			}
			s.give.recipients = []data.Child{c}
			s.give.showRecipients()
			s.give.item.SetSelected(s.give.itemChoice.label(strconv.FormatInt(r.ItemID, 10)))
			s.give.onGiveTapped()
		}},
		{"letters", u.tourLetters}, // ui/letters.go
		{"settings-backup", func() { u.showSettings("backup.title") }},
		{"settings-letters", func() { u.showSettings("letters.settings") }},
		{"restore", func() {
			u.show(scrSettings, nil)
			dir, _ := data.AutoBackupConfig(u.settings, u.st.Path())
			// listed at once: the screenshot is taken soon after
			found := data.FindBackups(u.ctx, u.st.Path(), dir, data.ManualBackups(u.settings))
			newRestorePicker(u, found).show() // ui/restore.go
		}},
		{"appeal", u.tourAppeal},
		{"donation", func() {
			u.show(scrDonations, nil)
			s := u.screens[scrDonations].(*donationsScreen)
			s.onNewTapped()
			s.form.addLine(data.DonationItem{Quantity: 40, UnitValueTenge: 12500})
			s.form.state.dirty = false
		}},
		{"purchase", func() {
			u.show(scrItems, nil)
			u.screens[scrItems].(*itemsScreen).onPurchaseTapped()
		}},
	}
}

// tourAppeal fills a new hotline call as a clerk types it.
func (u *App) tourAppeal() {
	u.show(scrAppeals, nil)
	s := u.screens[scrAppeals].(*appealsScreen)
	s.onNewTapped()
	f := s.form
	f.citizen.SetText("Сәрсенбаева Гүлнар Қайратқызы")
	f.phone.SetText("7012345678")
	f.subject.SetText(lang.L("tour.appeal_subject"))
	f.state.dirty = false
}

// closeDialogs removes the open dialogs.
func (u *App) closeDialogs() {
	c := u.win.Canvas()
	for o := c.Overlays().Top(); o != nil; o = c.Overlays().Top() {
		c.Overlays().Remove(o)
	}
}
