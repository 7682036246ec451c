package ui

// Leaving a list screen lets go of its rows (App.show calls onLeft): the
// app's memory follows what is on screen, and the screen loads its rows
// again when shown. Тарату's is in ui/distributions.go.

func (s *sponsorsScreen) onLeft()  { s.rows = nil; s.table.reload() }
func (s *donationsScreen) onLeft() { s.rows = nil; s.table.reload() }
func (s *appealsScreen) onLeft()   { s.rows = nil; s.table.reload() }
func (s *coverageScreen) onLeft()  { s.rows = nil; s.table.reload() }

var (
	_ leaver = (*sponsorsScreen)(nil)
	_ leaver = (*donationsScreen)(nil)
	_ leaver = (*appealsScreen)(nil)
	_ leaver = (*coverageScreen)(nil)
	_ leaver = (*distributionsScreen)(nil)
)
