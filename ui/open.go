package ui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/mektepkezhol/app/data"
)

// OpenStore opens the database at path ("" for data.DefaultPath). With
// demo, a database that did not exist yet is filled with the demo
// campaign, so a first `make run` shows a populated workspace; an
// existing database is never touched.
func OpenStore(path string, demo bool) (*data.Store, error) {
	if path == "" {
		p, err := data.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	_, statErr := os.Stat(path)
	isNew := errors.Is(statErr, fs.ErrNotExist)
	st, err := data.Open(path)
	if err != nil {
		return nil, err
	}
	if demo && isNew {
		if err := st.FillDemo(context.Background(), data.DemoOptions{}); err != nil {
			st.Close()
			return nil, fmt.Errorf("fill the demo into %s: %w", path, err)
		}
	}
	return st, nil
}
