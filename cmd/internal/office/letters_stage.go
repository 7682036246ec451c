package office

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/mektepkezhol/app/report"
)

// A batch of letters is written in a stage, a hidden folder beside its
// files, and its files take their names only once the letters are
// registered (PrintLettersWith).

// LettersKeptError means the letters were registered and written in full,
// but a file could not take its final name (Final): the finished files
// are kept where they were written (LettersResult.Kept), so the clerk can
// still print what the register says was issued.
type LettersKeptError struct {
	Final, Kept string // the first file not moved, and where it is
	Err         error
}

func (e *LettersKeptError) Error() string {
	return fmt.Sprintf("letters registered, but the file was not saved as %s (%v); the finished letters are kept in %s",
		e.Final, e.Err, e.Kept)
}

func (e *LettersKeptError) Unwrap() error { return e.Err }

// handOver gives each written file its final name. One that cannot take
// it (another program made a folder of that name meanwhile, say) stays in
// the stage, listed in res.Kept; the others are still moved.
func handOver(written []tempFile, res *LettersResult) error {
	var first *LettersKeptError
	for _, t := range written {
		if err := os.Rename(t.temp, t.final); err != nil {
			if first == nil {
				first = &LettersKeptError{Final: t.final, Kept: t.temp, Err: err}
			}
			res.Kept = append(res.Kept, t.temp)
			continue
		}
		res.Files = append(res.Files, t.final)
	}
	if first == nil {
		return nil
	}
	if len(res.Kept) > 1 {
		first.Kept = filepath.Dir(first.Kept) // the stage, holding them all
	}
	return first
}

// tempFile is a letter file written in the stage, and its final name.
type tempFile struct{ temp, final string }

// letterStage is the hidden folder a batch's files are written in before
// they get their names: beside the combined PDF, or inside the folder of
// one file per sponsor (made for the batch if new).
type letterStage struct {
	dir    string
	newDir string // the folder of one file each, if this batch made it
}

func newLetterStage(req LettersRequest) (letterStage, error) {
	var st letterStage
	parent := filepath.Dir(req.Out)
	if req.OutDir != "" {
		parent = req.OutDir
		if _, err := os.Stat(req.OutDir); errors.Is(err, os.ErrNotExist) {
			st.newDir = req.OutDir
		}
		if err := os.MkdirAll(req.OutDir, 0o700); err != nil {
			return st, err
		}
	}
	dir, err := os.MkdirTemp(parent, ".letters-*") // 0700
	if err != nil {
		st.close(false, false)
		return st, err
	}
	st.dir = dir
	return st, nil
}

// close removes the stage and what is left in it, unless it keeps
// finished letters that could not be moved (kept); unless the letters were
// registered (saved), also the folder the batch made, if it is empty.
func (st letterStage) close(saved, kept bool) {
	if st.dir != "" && !kept {
		os.RemoveAll(st.dir)
	}
	if !saved && st.newDir != "" {
		os.Remove(st.newDir) // only if empty
	}
}

// writeLetterFiles writes the combined PDF or one file per letter into the
// stage, emptied first: a run of the transaction that was refused and is
// retried leaves nothing behind, and nothing but the returned files is
// kept. A failed or cancelled batch leaves no file under a final name.
// batch, if not nil, is the combined file's document made ready.
func writeLetterFiles(stage string, req LettersRequest, letters []report.Letter, opt report.LetterOptions,
	batch *report.LetterBatch) ([]tempFile, error) {
	if err := emptyFolder(stage); err != nil {
		return nil, err
	}
	var out []tempFile
	write := func(final string, ls []report.Letter) error {
		if err := CheckOutput(final); err != nil {
			return err
		}
		tmp := filepath.Join(stage, filepath.Base(final))
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		out = append(out, tempFile{tmp, final})
		render := func() error { return report.WriteLetters(f, ls, opt) }
		if batch != nil {
			render = func() error { return batch.Write(f, ls) }
		}
		if err := render(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	if req.Out != "" {
		return out, write(req.Out, letters)
	}
	progress := opt.Progress
	opt.Progress = nil // per file: one page each, counted here
	for i, l := range letters {
		if err := opt.Context.Err(); err != nil {
			return out, err
		}
		name := filepath.Join(req.OutDir, fmt.Sprintf("%04d_%s.pdf", l.Number, FileSafe(l.Sponsor.Name)))
		if err := write(name, letters[i:i+1]); err != nil {
			return out, err
		}
		if progress != nil {
			progress(i+1, len(letters))
		}
	}
	return out, nil
}

// emptyFolder removes everything in dir.
func emptyFolder(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}
