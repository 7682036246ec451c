package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/mektepkezhol/app/cmd/internal/office"
	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/exchange"
)

type exportFlags struct {
	out, lang, query, category, status, channel, helped string
	year, school, grade                                 int
	overdue, archived                                   bool
}

func init() {
	register(&command{name: "export", args: "children|sponsors|donations|distributions|appeals|template",
		summary: "write a list to xlsx or csv with the GUI list's filters, or a school's blank import template",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			var f exportFlags
			fs.StringVar(&f.out, "out", "", "the file to write: F.xlsx or F.csv (template: xlsx only)")
			fs.StringVar(&f.lang, "lang", "kk", "language of the headers: kk or ru")
			fs.IntVar(&f.year, "campaign", 0, "campaign year (sponsors' totals, donations, distributions, appeals)")
			fs.IntVar(&f.school, "school", 0, "school № (children, distributions, template)")
			fs.IntVar(&f.grade, "grade", 0, "class 1–11 (children)")
			fs.StringVar(&f.category, "category", "", "category code, e.g. low_income (children)")
			fs.StringVar(&f.helped, "helped", "", "yes or no: children who did or did not get help in --campaign")
			fs.BoolVar(&f.archived, "archived", false, "include archived children")
			fs.StringVar(&f.query, "query", "", "part of a name, IIN or BIN (children, sponsors)")
			fs.StringVar(&f.status, "status", "", "appeal status: new, in_progress, resolved, rejected")
			fs.StringVar(&f.channel, "channel", "", "appeal channel: hotline, trust_phone, reception, written, online")
			fs.BoolVar(&f.overdue, "overdue", false, "only open appeals past their due date")
			return func(ctx context.Context, e *env, args []string) error {
				args, err := interspersed(fs, args)
				if err != nil {
					return err
				}
				return runExport(ctx, e, f, args)
			}
		}})
}

func runExport(ctx context.Context, e *env, f exportFlags, args []string) error {
	if len(args) != 1 {
		return usageError("give one list: children, sponsors, donations, distributions, appeals or template")
	}
	if f.out == "" {
		return usageError("--out F.xlsx or F.csv is required")
	}
	if f.lang != "kk" && f.lang != "ru" {
		return usageError("--lang is kk or ru")
	}
	format, err := exchange.FormatOf(f.out)
	if err != nil {
		return usageError(err.Error())
	}
	st, err := e.open()
	if err != nil {
		return err
	}
	var campaignID, schoolID int64
	if f.year != 0 {
		c, err := st.FindCampaignByYear(ctx, f.year)
		if err != nil {
			return err
		}
		campaignID = c.ID
	}
	var school data.School
	if f.school != 0 {
		if school, err = st.FindSchoolByNumber(ctx, f.school); err != nil {
			return err
		}
		schoolID = school.ID
	}
	if args[0] == "template" {
		if format != exchange.XLSX {
			return usageError("the template is an xlsx file")
		}
		cats, err := st.FindCategories(ctx)
		if err != nil {
			return err
		}
		return office.WriteFileAtomically(f.out, 0o600, func(w io.Writer) error { return exchange.WriteTemplate(w, school, cats, f.lang) })
	}
	var t exchange.Table
	switch args[0] {
	case "children":
		cf := data.ChildFilter{Query: f.query, SchoolID: schoolID, Grade: f.grade, Category: f.category,
			CampaignID: campaignID, IncludeArchived: f.archived}
		if f.helped != "" {
			if (f.helped != "yes" && f.helped != "no") || campaignID == 0 {
				return usageError("--helped is yes or no, with --campaign YEAR")
			}
			helped := f.helped == "yes"
			cf.Helped = &helped
		}
		t, err = exchange.ChildrenTable(ctx, st, cf, f.lang)
	case "sponsors":
		t, err = exchange.SponsorsTable(ctx, st, data.SponsorFilter{Query: f.query, CampaignID: campaignID}, f.lang)
	case "donations":
		t, err = exchange.DonationsTable(ctx, st, data.DonationFilter{CampaignID: campaignID}, f.lang)
	case "distributions":
		t, err = exchange.DistributionsTable(ctx, st, data.DistributionFilter{CampaignID: campaignID, SchoolID: schoolID}, f.lang)
	case "appeals":
		t, err = exchange.AppealsTable(ctx, st, data.AppealFilter{CampaignID: campaignID, Status: f.status,
			Channel: f.channel, Overdue: f.overdue}, f.lang)
	default:
		return usageError(fmt.Sprintf("unknown list %q", args[0]))
	}
	if err != nil {
		return err
	}
	if t.Personal { // recorded first: an unrecorded list is not written
		if err := st.RecordAccess(ctx, data.AccessExport+":"+args[0], 0, len(t.Rows)); err != nil {
			return err
		}
	}
	if err := office.WriteFileAtomically(f.out, 0o600, func(w io.Writer) error { return t.Write(w, format) }); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d rows written to %s\n", len(t.Rows), f.out)
	return nil
}
