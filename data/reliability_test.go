//go:build linux

package data_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mektepkezhol/app/data"
	"github.com/mektepkezhol/app/data/datatest"
)

// The reliability tests start this test binary again as a writer process:
// TestWriterProcess does the work when MEKTEPKEZHOL_WRITER names a role.

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func writer(t *testing.T, role, db string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$")
	cmd.Env = append(os.Environ(), "MEKTEPKEZHOL_WRITER="+role, "MEKTEPKEZHOL_WRITER_DB="+db,
		"MEKTEPKEZHOL_WRITER_ARGS="+strings.Join(args, ","))
	return cmd
}

// TestWriterProcess is not a test of its own: it is the writer process.
func TestWriterProcess(t *testing.T) {
	role := os.Getenv("MEKTEPKEZHOL_WRITER")
	if role == "" {
		return
	}
	args := strings.Split(os.Getenv("MEKTEPKEZHOL_WRITER_ARGS"), ",")
	st, err := data.Open(os.Getenv("MEKTEPKEZHOL_WRITER_DB"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(2)
	}
	ctx := context.Background()
	switch role {
	case "children": // args: process number, seconds (0: until killed)
		proc, _ := strconv.Atoi(args[0])
		secs, _ := strconv.Atoi(args[1])
		deadline := time.Now().Add(time.Duration(secs) * time.Second)
		n := 0
		for k := 0; secs == 0 || time.Now().Before(deadline); k++ {
			// each process its own birth days (up to a million writes each): no IIN is written twice
			iin, ok := data.MakeIIN(data.Date(2005, 1, 1).AddDate(0, 0, proc*100+k/10000), data.Female, k%10000)
			if !ok {
				continue
			}
			c := data.Child{IIN: iin, Surname: "Сейітова", Name: fmt.Sprintf("Жазушы%d", proc), Grade: 5,
				Categories: []data.ChildCategory{{Code: data.CatLowIncome}, {Code: data.CatLargeFamily}}}
			if err := st.CreateChild(ctx, &c); err != nil {
				fmt.Fprintln(os.Stderr, "write:", err)
				os.Exit(1)
			}
			n++
			fmt.Println(iin) // only after the commit
		}
		fmt.Println("done", n)
	case "fill": // args: bytes the files may grow by
		grow, _ := strconv.Atoi(args[0])
		if err := limitFileSize(st.Path(), int64(grow)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		var batch []data.Distribution
		for i := 0; i < 200000; i++ {
			batch = append(batch, data.Distribution{ChildID: int64(1 + i%50), CampaignID: 2, ItemID: int64(1 + i%7),
				Quantity: 1, GivenOn: data.Date(2019, 8, 1), ActNumber: strings.Repeat("А", 40)})
		}
		err := st.CreateDistributions(ctx, batch, true)
		fmt.Println(err)
		if errors.Is(err, data.ErrDiskFull) {
			os.Exit(3)
		}
		os.Exit(1)
	}
	st.Close()
	os.Exit(0)
}

// Two writer processes on one database: two apps on one file, or two
// clerks' PCs on the server.
func TestConcurrentWriterProcesses(t *testing.T) {
	secs := envInt("MEKTEPKEZHOL_WRITERS_SECONDS", 3)
	db := datatest.DSN(t)
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var cmds []*exec.Cmd
	var outs []*strings.Builder
	for p := 0; p < 2; p++ {
		cmd := writer(t, "children", db, strconv.Itoa(p), strconv.Itoa(secs))
		var out, errOut strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, &out)
		defer func(p int) {
			if errOut.Len() > 0 {
				t.Errorf("writer %d: %s", p, errOut.String())
			}
		}(p)
	}
	total := 0
	for p, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer %d: %v", p, err)
		}
		lines := strings.Fields(outs[p].String())
		n, _ := strconv.Atoi(lines[len(lines)-1])
		if n == 0 {
			t.Fatalf("writer %d wrote nothing", p)
		}
		total += n
	}
	got, err := st.CountChildren(context.Background(), data.ChildFilter{})
	if err != nil || got != total {
		t.Fatalf("children=%d (%v), writers committed %d", got, err, total)
	}
	t.Logf("two processes committed %d multi-row writes in %d s, none lost, none refused", total, secs)
}

// A writer killed at any moment loses nothing it committed and leaves no
// half of a write: on a file, and on the server (a clerk's PC switched off).
func TestKilledWriter(t *testing.T) {
	kills := envInt("MEKTEPKEZHOL_KILLS", 100)
	db := datatest.DSN(t)
	ctx := context.Background()
	committed := map[string]bool{}
	for i := 0; i < kills; i++ {
		cmd := writer(t, "children", db, strconv.Itoa(i), "0")
		var errOut strings.Builder
		cmd.Stderr = &errOut
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1024)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// let it open the database and write for a random while, then kill -9
		var fresh []string
		first, ok := <-lines
		if !ok {
			cmd.Wait()
			t.Fatalf("writer %d printed nothing: %s", i, errOut.String())
		}
		fresh = append(fresh, first)
		time.Sleep(time.Duration(rand.IntN(40)) * time.Millisecond)
		cmd.Process.Kill()
		for l := range lines {
			fresh = append(fresh, l)
		}
		cmd.Wait()

		st, err := data.Open(db)
		if err != nil {
			t.Fatalf("after kill %d: open: %v", i, err)
		}
		problems, err := st.Check(ctx)
		if err != nil || len(problems) > 0 {
			t.Fatalf("after kill %d: check: %+v, %v", i, problems, err)
		}
		torn, err := st.RawCount(`SELECT id FROM children c WHERE (SELECT count(*) FROM child_categories WHERE child_id = c.id) != 2`)
		if err != nil || torn > 0 {
			t.Fatalf("after kill %d: %d children without both categories: a torn write (%v)", i, torn, err)
		}
		for _, iin := range fresh {
			if _, err := st.FindChildByIIN(ctx, data.IIN(iin)); err != nil {
				t.Fatalf("after kill %d: committed child %s lost: %v", i, iin, err)
			}
			committed[iin] = true
		}
		if n, _ := st.CountChildren(ctx, data.ChildFilter{}); n < len(committed) {
			t.Fatalf("after kill %d: %d children, %d were committed", i, n, len(committed))
		}
		st.Close()
	}
	t.Logf("%d kills, %d committed writes, all present, check clean", kills, len(committed))
}

func TestDiskFull(t *testing.T) {
	sqliteOnly(t) // a file-size limit on the SQLite file; a server's disk is its admin's
	db := filepath.Join(t.TempDir(), "x.db")
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := st.FillDemo(ctx, data.DemoOptions{Children: 300, Sponsors: 20, Distributions: 500}); err != nil {
		t.Fatal(err)
	}
	c, _ := st.FindCampaignByYear(ctx, 2019)
	before, _ := st.Summary(ctx, c.ID)
	st.Close()

	cmd := writer(t, "fill", db, strconv.Itoa(512<<10))
	out, _ := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 3 {
		t.Fatalf("writer on a full disk: exit %d, output %q; want ErrDiskFull (3)", code, out)
	}
	if !strings.Contains(string(out), data.ErrDiskFull.Error()) {
		t.Fatalf("message %q does not say the disk is full", out)
	}

	st, err = data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	problems, err := st.Check(ctx)
	if err != nil || len(problems) > 0 {
		t.Fatalf("check after a full disk: %+v, %v", problems, err)
	}
	after, _ := st.Summary(ctx, c.ID)
	if after.Distributions != before.Distributions || after.Children != before.Children {
		t.Fatalf("data changed by a failed write: %+v → %+v", before, after)
	}
}

// limitFileSize lets this process grow no file past the database's size
// plus grow bytes, as a nearly full disk would; writes past it fail with
// EFBIG instead of killing the process.
func limitFileSize(db string, grow int64) error {
	fi, err := os.Stat(db)
	if err != nil {
		return err
	}
	ignoreSIGXFSZ()
	lim := syscall.Rlimit{Cur: uint64(fi.Size() + grow), Max: uint64(fi.Size() + grow)}
	return syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim)
}
