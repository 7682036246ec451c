package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/mektepkezhol/app/cmd/internal/office"
	"github.com/mektepkezhol/app/data"
)

// districtFlags collects the repeated --district NAME=DSN.
type districtFlags []data.Office

func (d *districtFlags) String() string {
	var names []string
	for _, o := range *d {
		names = append(names, o.Name)
	}
	return strings.Join(names, ",")
}

func (d *districtFlags) Set(v string) error {
	name, dsn, ok := strings.Cut(v, "=")
	name, dsn = strings.TrimSpace(name), strings.TrimSpace(dsn)
	if !ok || name == "" || dsn == "" {
		return fmt.Errorf("want NAME=DSN, e.g. Теміртау=temirtau.db, not %q", v)
	}
	for _, o := range *d {
		if o.Name == name {
			return fmt.Errorf("district %q given twice", name)
		}
	}
	*d = append(*d, data.Office{Name: name, DSN: dsn})
	return nil
}

// rollUp writes the region's roll-up report of the districts given and of
// every office schema of the server database in.
func rollUp(ctx context.Context, e *env, districts []data.Office, in string, year int, format, lang, out string) error {
	if year == 0 {
		return usageError("--campaign YEAR is required")
	}
	if in != "" {
		if !data.IsServer(in) {
			return usageError("--districts-in wants a postgres:// URL")
		}
		found, err := data.FindOffices(ctx, in)
		if err != nil {
			return err
		}
		if len(found) == 0 {
			return fmt.Errorf("%s holds no office", data.RedactURL(in))
		}
		districts = append(districts, found...)
	}
	if err := office.WriteRollUp(ctx, districts, year, format, lang, out); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, out)
	return nil
}
