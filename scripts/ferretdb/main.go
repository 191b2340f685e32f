// Command ferretdb-runner starts FerretDB (a MongoDB-protocol server) on SQLite, for tests on machines
// without mongod. It embeds the ferretdb package because upstream's cmd/ferretdb panics when built with
// `go install` (its version file is generated at release time).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dir := flag.String("dir", "", "directory for the SQLite databases (required)")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "ferretdb-runner: -dir is required")
		os.Exit(2)
	}
	// FerretDB's live heap is a few MB, so Go's default (collect when the heap doubles) runs a collection every
	// few MB allocated: reading 10,000 documents spent half its CPU in the collector (pprof) and took 3.4 s.
	// At 800 the same read takes ~1.5 s for ~70 MB of memory. GOGC in the environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(800)
	}
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dir + "/",
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-runner:", err)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	fmt.Println("ferretdb-runner: listening on", *listen)
	f.Run(ctx)
}
