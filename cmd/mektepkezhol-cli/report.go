package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/mektepkezhol/app/cmd/internal/office"
)

func init() {
	register(&command{name: "report", summary: "the campaign's public report: PDF for the press, xlsx for the mäslikhat",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			year := fs.Int("campaign", 0, "campaign year, e.g. 2019")
			format := fs.String("format", "", "pdf or xlsx")
			lang := fs.String("lang", "kk", "language: kk or ru")
			out := fs.String("out", "", "output file")
			date := fs.String("date", "", "the report's date (dd.mm.yyyy); default: today")
			var districts districtFlags
			fs.Var(&districts, "district", "a district of a region roll-up: `NAME=DSN`, DSN a database file or postgres:// URL; repeat for each")
			districtsIn := fs.String("districts-in", "", "roll up every office (schema) of the server database at `URL` (postgres://…)")
			return func(ctx context.Context, e *env, _ []string) error {
				if *format != "pdf" && *format != "xlsx" {
					return usageError(fmt.Sprintf("--format must be pdf or xlsx, not %q", *format))
				}
				if err := checkLang(*lang); err != nil {
					return err
				}
				if *out == "" {
					return usageError("--out FILE is required")
				}
				if len(districts) > 0 || *districtsIn != "" {
					return rollUp(ctx, e, districts, *districtsIn, *year, *format, *lang, *out)
				}
				on, err := parseDay(*date)
				if err != nil {
					return err
				}
				st, c, err := e.campaign(ctx, *year)
				if err != nil {
					return err
				}
				if err := office.WriteReportOn(ctx, st, c.ID, *format, *lang, *out, on); err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, *out)
				return nil
			}
		}})
}

func checkLang(lang string) error {
	if lang != "kk" && lang != "ru" {
		return usageError(fmt.Sprintf("--lang must be kk or ru, not %q", lang))
	}
	return nil
}
