package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/mektepkezhol/app/report"
)

func init() {
	register(&command{name: "report", summary: "the campaign's public report: PDF for the press, xlsx for the mäslikhat",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			year := fs.Int("campaign", 0, "campaign year, e.g. 2019")
			format := fs.String("format", "", "pdf or xlsx")
			lang := fs.String("lang", "kk", "language: kk or ru")
			out := fs.String("out", "", "output file")
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
				r, err := campaignReport(ctx, e, *year)
				if err != nil {
					return err
				}
				opt := report.ReportOptions{Lang: *lang}
				// Aggregates only: the file may be shared, so it is readable by all.
				err = writeFileAtomically(*out, 0o644, func(w io.Writer) error {
					if *format == "xlsx" {
						return report.WriteWorkbook(w, r, opt)
					}
					return report.WritePDFReport(w, r, opt)
				})
				if err != nil {
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

// campaignReport gathers the figures of a campaign's public reports.
func campaignReport(ctx context.Context, e *env, year int) (report.CampaignReport, error) {
	st, c, err := e.campaign(ctx, year)
	if err != nil {
		return report.CampaignReport{}, err
	}
	figs, err := st.ReportFigures(ctx, c.ID)
	if err != nil {
		return report.CampaignReport{}, err
	}
	return report.CampaignReport{ReportFigures: figs, GeneratedOn: st.Now()}, nil
}

// writeFileAtomically writes path through a temporary file in the same
// folder, so a failed run never leaves half a document behind.
func writeFileAtomically(path string, perm os.FileMode, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*") // created 0600
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	buf := bufio.NewWriterSize(tmp, 1<<16)
	if err := write(buf); err != nil {
		tmp.Close()
		return err
	}
	if err := buf.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
