package main

import (
	"context"
	"time"

	"github.com/mektepkezhol/app/cmd/internal/office"
	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/report"
	"github.com/mektepkezhol/app/ui"
)

// documents gives the GUI the office's documents (cmd/internal/office),
// so that ui needs neither report nor office.
type documents struct{ st *data.Store }

var _ ui.Documents = documents{}

func (d documents) CheckLetterSettings(ctx context.Context, lang string) error {
	return office.CheckLetterSettings(ctx, d.st, lang)
}

func (d documents) PrintLetters(ctx context.Context, c data.Campaign, req ui.LettersRequest,
	progress func(done, total int)) (ui.LettersResult, error) {
	res, err := office.PrintLetters(ctx, d.st, c, office.LettersRequest(req), progress)
	return ui.LettersResult(res), err
}

func (d documents) WriteCalibration(ctx context.Context, path string) error {
	return office.WriteCalibration(ctx, d.st, path)
}

func (d documents) LetterTemplate(ctx context.Context) (ui.LetterTemplate, error) {
	t, err := office.LetterTemplate(ctx, d.st)
	return ui.LetterTemplate(t), err
}

func (d documents) SaveLetterTemplate(ctx context.Context, t ui.LetterTemplate) error {
	return office.SaveLetterTemplate(ctx, d.st, report.LetterTemplate(t))
}

func (d documents) PreviewLetter(ctx context.Context, c data.Campaign, t ui.LetterTemplate, lang, path string) error {
	return office.PreviewLetter(ctx, d.st, c, report.LetterTemplate(t), lang, false, path)
}

func (d documents) WriteReport(ctx context.Context, campaignID int64, format, lang, path string, on time.Time) error {
	return office.WriteReportOn(ctx, d.st, campaignID, format, lang, path, on)
}

func (d documents) WriteRollUp(ctx context.Context, offices []data.Office, year int, format, lang, path string) error {
	return office.WriteRollUp(ctx, offices, year, format, lang, path)
}

func (d documents) PressRelease(ctx context.Context, campaignID int64, lang string, on time.Time) (string, error) {
	return office.PressReleaseOn(ctx, d.st, campaignID, lang, on)
}

func (d documents) WriteHandover(ctx context.Context, c data.Campaign, school int, day time.Time, lang, path string) (int, error) {
	return office.WriteHandover(ctx, d.st, c, school, day, lang, path)
}
