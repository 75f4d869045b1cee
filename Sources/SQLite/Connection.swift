// The SQLite wrapper goes here.
