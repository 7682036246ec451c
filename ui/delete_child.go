package ui

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"github.com/mektepkezhol/app/data"
)

// onDeleteTapped deletes the child in the form when nothing was given to
// them; a child who received aid keeps the record for the acts and is
// moved to the archive instead.
func (s *childrenScreen) onDeleteTapped() {
	c := s.form.child
	if c.ID == 0 {
		return
	}
	row := rowOf(s.total, func(i int) int64 { c, _ := s.childAt(i); return c.ID }, c.ID)
	given, err := s.u.st.FindDistributions(s.u.ctx, data.DistributionFilter{ChildID: c.ID, Limit: 1})
	if err != nil {
		showError(s.u.win, err)
		return
	}
	if len(given) > 0 {
		s.askArchive(c, row)
		return
	}
	name := map[string]any{"Name": c.FullName(), "IIN": string(c.IIN)}
	s.u.confirmAction(lang.L("delete.child.title"), lang.L("delete.child.question", name), lang.L("action.delete"), "",
		func() error {
			err := s.u.st.DeleteChild(s.u.ctx, c.ID)
			if errors.Is(err, data.ErrConflict) {
				// an appeal or a coverage case still names the child
				s.askArchive(c, row)
				return nil
			}
			if err == nil {
				s.removed(row)
			}
			return err
		}, func() {})
}

// askArchive offers the archive for a child the store must keep.
func (s *childrenScreen) askArchive(c data.Child, row int) {
	name := map[string]any{"Name": c.FullName(), "IIN": string(c.IIN)}
	s.u.confirmAction(lang.L("delete.child.archive_title"), lang.L("delete.child.archive_question", name),
		lang.L("delete.child.archive"), "",
		func() error {
			c.Archived = true
			return s.u.st.UpdateChild(s.u.ctx, &c)
		}, func() { s.removed(row) })
}

// removed empties the form and reloads the list at the same place.
func (s *childrenScreen) removed(row int) {
	s.form.edit(0)
	s.place.mark(row)
	s.refresh()
}
