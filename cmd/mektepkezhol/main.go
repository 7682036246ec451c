// Command mektepkezhol is the clerks' desktop app for the «Мектепке жол»
// campaign.
package main

import (
	"flag"
	"log"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/mektepkezhol/app/assets"
	"github.com/mektepkezhol/app/ui"
)

func main() {
	start := time.Now()
	db := flag.String("db", "", "database file (default $MEKTEPKEZHOL_DB or the user config folder)")
	demo := flag.Bool("demo", false, "fill a database that does not exist yet with the demo campaign")
	tour := flag.String("tour", "", "show every screen in kk and ru, waiting for screenshots in this folder")
	flag.Parse()
	st, err := ui.OpenStore(*db, *demo)
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	a := app.NewWithID("kz.karaganda.mektepkezhol")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Мектепке жол")
	ui.UseDocuments(documents{st})
	u := ui.New(a, w, st)
	u.LogStartup(os.Stderr, start)
	if *tour != "" {
		go u.Tour(os.Stdout, *tour)
	}
	w.ShowAndRun()
}
