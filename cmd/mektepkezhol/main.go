// Command mektepkezhol is the clerks' desktop app for the «Мектепке жол»
// campaign.
package main

import (
	"flag"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/mektepkezhol/app/assets"
	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/ui"
)

func main() {
	start := time.Now()
	db := flag.String("db", "", "database file or postgres://user@host/dbname?search_path=office URL (default $MEKTEPKEZHOL_DB, the server saved in the settings, or the user config folder)")
	demo := flag.Bool("demo", false, "fill a local database file that does not exist yet with the demo campaign (never a server)")
	tour := flag.String("tour", "", "show every screen in kk and ru, waiting for screenshots in this folder")
	flag.Parse()
	a := app.NewWithID("kz.karaganda.mektepkezhol")
	fyneDoOnly(a)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Мектепке жол")
	dsn, err := data.ResolveDSN(*db)
	if err != nil { // a broken connection.json: said in the window
		ui.ShowStartFailure(a, w, "connection.json", err)
		w.ShowAndRun()
		return
	}
	var st *data.Store
	stopTimings := func() {}
	// on a server that asks for a password, after the login window
	err = ui.Connect(w, dsn, *demo, func(opened *data.Store) {
		st = opened
		u := ui.New(a, w, st, ui.WithDocuments(func(st *data.Store) ui.Documents { return documents{st} }))
		u.LogStartup(os.Stderr, start)
		stopTimings = startTimings(u)
		if *tour != "" {
			go u.Tour(os.Stdout, *tour)
		}
	})
	if err != nil {
		ui.ShowStartFailure(a, w, dsn, err)
	}
	w.ShowAndRun()
	stopTimings()
	if st != nil {
		st.Close()
	}
}

// fyneDoOnly tells Fyne that the app touches widgets only on the UI
// goroutine, through fyne.Do (the house style; a walk through every screen
// logs no «Error in Fyne call thread»): Fyne then stops checking the
// calling goroutine on every refresh, a stack trace read and parsed each
// time, a tenth of the UI goroutine's CPU while a search is typed.
// FyneApp.toml's [Migrations] says the same for fyne package's builds.
func fyneDoOnly(a fyne.App) {
	m := a.Metadata()
	migrations := map[string]bool{"fyneDo": true}
	for k, v := range m.Migrations {
		migrations[k] = migrations[k] || v
	}
	m.Migrations = migrations
	app.SetMetadata(m)
}
