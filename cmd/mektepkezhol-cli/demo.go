package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/mektepkezhol/app/data"
)

func init() {
	register(&command{name: "demo", summary: "fill an EMPTY database with the demo campaign (refuses a non-empty one)",
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
			var opt data.DemoOptions
			fs.IntVar(&opt.Children, "children", 0, "children to make (default 3000)")
			fs.IntVar(&opt.Sponsors, "sponsors", 0, "sponsors to make (default 120)")
			fs.IntVar(&opt.Distributions, "distributions", 0, "distributions of the 2019 campaign (default 5000)")
			fs.Uint64Var(&opt.Seed, "seed", 0, "random seed (default 2019): another seed makes other people")
			scale := fs.String("scale", "", "a preset: city, region (60k children) or stress (300k children, 1M distributions)")
			return func(ctx context.Context, e *env, _ []string) error {
				if *scale != "" {
					preset, ok := data.DemoScale(*scale)
					if !ok {
						return usageError("--scale is city, region or stress")
					}
					opt = overlay(preset, opt)
				}
				st, err := e.open()
				if err != nil {
					return err
				}
				if err := st.FillDemo(ctx, opt); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "demo data written to %s\n", st.Path())
				return nil
			}
		}})
}

// overlay keeps the sizes given as flags over a preset's.
func overlay(preset, flags data.DemoOptions) data.DemoOptions {
	if flags.Children > 0 {
		preset.Children = flags.Children
	}
	if flags.Sponsors > 0 {
		preset.Sponsors = flags.Sponsors
	}
	if flags.Distributions > 0 {
		preset.Distributions = flags.Distributions
	}
	preset.Seed = flags.Seed
	return preset
}
