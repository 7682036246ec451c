package office

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
)

// CampaignReport gathers the figures of a campaign's public reports, dated today.
func CampaignReport(ctx context.Context, st *data.Store, campaignID int64) (report.CampaignReport, error) {
	return CampaignReportOn(ctx, st, campaignID, time.Time{})
}

// CampaignReportOn gathers the figures of a campaign's public reports,
// dated on (zero: today).
func CampaignReportOn(ctx context.Context, st *data.Store, campaignID int64, on time.Time) (report.CampaignReport, error) {
	if err := mayReport(st); err != nil {
		return report.CampaignReport{}, err
	}
	figs, err := st.ReportFigures(ctx, campaignID)
	if err != nil {
		return report.CampaignReport{}, err
	}
	return report.CampaignReport{ReportFigures: figs, GeneratedOn: issueDay(st, on)}, nil
}

// mayReport refuses the office's reports to a clerk: they are the head's.
func mayReport(st *data.Store) error {
	if st.Role().Allows(data.RoleHead) {
		return nil
	}
	return fmt.Errorf("reports: %w: needs the head role, %s is %s", data.ErrForbidden, st.Actor(), st.Role())
}

// WriteReport writes the campaign's public report to path: format "pdf"
// for the press conference, "xlsx" for the mäslikhat; lang kk or ru.
func WriteReport(ctx context.Context, st *data.Store, campaignID int64, format, lang, path string) error {
	return WriteReportOn(ctx, st, campaignID, format, lang, path, time.Time{})
}

// WriteReportOn is WriteReport dated on (zero: today).
func WriteReportOn(ctx context.Context, st *data.Store, campaignID int64, format, lang, path string, on time.Time) error {
	if format != "pdf" && format != "xlsx" {
		return fmt.Errorf("report format %q: pdf or xlsx", format)
	}
	r, err := CampaignReportOn(ctx, st, campaignID, on)
	if err != nil {
		return err
	}
	return writeReport(r, format, lang, path)
}

// writeReport writes a report of aggregates only: the file may be shared,
// so it is readable by all.
func writeReport(r report.CampaignReport, format, lang, path string) error {
	opt := report.ReportOptions{Lang: lang}
	return WriteFileAtomically(path, 0o644, func(w io.Writer) error {
		if format == "xlsx" {
			return report.WriteWorkbook(w, r, opt)
		}
		return report.WritePDFReport(w, r, opt)
	})
}

// PressRelease drafts the press release on the campaign's results.
func PressRelease(ctx context.Context, st *data.Store, campaignID int64, lang string) (string, error) {
	return PressReleaseOn(ctx, st, campaignID, lang, time.Time{})
}

// PressReleaseOn is PressRelease dated on (zero: today).
func PressReleaseOn(ctx context.Context, st *data.Store, campaignID int64, lang string, on time.Time) (string, error) {
	r, err := CampaignReportOn(ctx, st, campaignID, on)
	if err != nil {
		return "", err
	}
	return report.PressRelease(r, lang), nil
}

// HandoverSheet gathers what school number gave in campaign c, on day
// only unless day is zero.
func HandoverSheet(ctx context.Context, st *data.Store, c data.Campaign, school int, day time.Time, lang string) (report.HandoverSheet, error) {
	var sh report.HandoverSheet
	if err := mayReport(st); err != nil {
		return sh, err
	}
	sc, err := st.FindSchoolByNumber(ctx, school)
	if err != nil {
		return sh, fmt.Errorf("school №%d: %w", school, err)
	}
	ds, err := st.FindDistributions(ctx, data.DistributionFilter{CampaignID: c.ID, SchoolID: sc.ID, GivenOn: day})
	if err != nil {
		return sh, err
	}
	if len(ds) == 0 {
		when := ""
		if !day.IsZero() {
			when = " on " + report.ShortDate(day)
		}
		return sh, fmt.Errorf("school №%d gave nothing in campaign %d%s: %w", school, c.Year, when, ErrNothingGiven)
	}
	items, err := st.FindAidItems(ctx)
	if err != nil {
		return sh, err
	}
	settings, err := st.Settings(ctx)
	if err != nil {
		return sh, err
	}
	return report.NewHandoverSheet(lang, settings, c, sc, day, ds, items), nil
}

// ErrNothingGiven means a handover sheet would be empty: none is written.
var ErrNothingGiven = errors.New("no sheet written")

// WriteHandover writes a school's handover sheet to path and returns how
// many children it lists. It holds children's names: the file is 0600.
func WriteHandover(ctx context.Context, st *data.Store, c data.Campaign, school int, day time.Time, lang, path string) (int, error) {
	sheet, err := HandoverSheet(ctx, st, c, school, day, lang)
	if err != nil {
		return 0, err
	}
	children, _ := report.HandoverCounts(sheet.Rows)
	// the sheet lists children by name: its printing is recorded first
	if err := st.RecordAccess(ctx, data.AccessHandover, 0, int(children)); err != nil {
		return 0, err
	}
	err = WriteFileAtomically(path, 0o600, func(w io.Writer) error { return report.WriteHandover(w, sheet) })
	return int(children), err
}
