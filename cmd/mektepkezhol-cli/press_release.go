package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/mektepkezhol/app/report"
)

func init() {
	register(&command{name: "press-release", summary: "a draft press release on the campaign's results (plain text)",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			year := fs.Int("campaign", 0, "campaign year, e.g. 2019")
			lang := fs.String("lang", "kk", "language: kk or ru")
			return func(ctx context.Context, e *env, _ []string) error {
				if err := checkLang(*lang); err != nil {
					return err
				}
				r, err := campaignReport(ctx, e, *year)
				if err != nil {
					return err
				}
				_, err = fmt.Fprint(e.stdout, report.PressRelease(r, *lang))
				return err
			}
		}})
}
