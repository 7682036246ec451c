package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/mektepkezhol/app/cmd/internal/office"
)

func init() {
	register(&command{name: "press-release", summary: "a draft press release on the campaign's results (plain text)",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			year := fs.Int("campaign", 0, "campaign year, e.g. 2019")
			lang := fs.String("lang", "kk", "language: kk or ru")
			date := fs.String("date", "", "the release's date (dd.mm.yyyy); default: today")
			return func(ctx context.Context, e *env, _ []string) error {
				if err := checkLang(*lang); err != nil {
					return err
				}
				on, err := parseDay(*date)
				if err != nil {
					return err
				}
				st, c, err := e.campaign(ctx, *year)
				if err != nil {
					return err
				}
				text, err := office.PressReleaseOn(ctx, st, c.ID, *lang, on)
				if err != nil {
					return err
				}
				_, err = fmt.Fprint(e.stdout, text)
				return err
			}
		}})
}
