package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/mektepkezhol/app/cmd/internal/office"
	"github.com/mektepkezhol/app/data"
)

func init() {
	register(&command{name: "handover", summary: "a school's handover sheet (children's names: internal, file 0600)",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			year := fs.Int("campaign", 0, "campaign year, e.g. 2019")
			school := fs.Int("school", 0, "school number, e.g. 7")
			day := fs.String("date", "", "only this day (dd.mm.yyyy or yyyy-mm-dd); default: the whole campaign")
			lang := fs.String("lang", "kk", "language: kk or ru")
			out := fs.String("out", "", "output PDF file")
			return func(ctx context.Context, e *env, _ []string) error {
				if *school <= 0 {
					return usageError("--school NUMBER is required")
				}
				if *out == "" {
					return usageError("--out FILE is required")
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				on, err := parseDay(*day)
				if err != nil {
					return err
				}
				st, c, err := e.campaign(ctx, *year)
				if err != nil {
					return err
				}
				// Children's names: the file is its owner's alone (0600).
				n, err := office.WriteHandover(ctx, st, c, *school, on, *lang, *out)
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "%s (%d children)\n", *out, n)
				return nil
			}
		}})
}

func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"02.01.2006", data.DateLayout} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usageError(fmt.Sprintf("--date %q: write dd.mm.yyyy, e.g. 15.08.2019", s))
}
