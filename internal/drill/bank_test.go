package drill

import (
	"strings"
	"testing"

	"github.com/offerloop/offerloop/internal/errs"
)

// minBankCards is how many cards the issue asks the bank to hold.
const minBankCards = 250

func TestLoadBank(t *testing.T) {
	b, err := LoadBank()
	if err != nil {
		t.Fatalf("LoadBank: %v", err)
	}
	if b.Len() < minBankCards {
		t.Errorf("the bank has %d cards, want at least %d", b.Len(), minBankCards)
	}
	n := 0
	for _, tp := range b.Topics() {
		if tp.Count == 0 || tp.Title == "" {
			t.Errorf("topic %+v is empty or untitled", tp)
		}
		n += tp.Count
	}
	if n != b.Len() {
		t.Errorf("topic counts add up to %d, want %d", n, b.Len())
	}
	rounds := map[Round]int{}
	for i, c := range b.Cards() {
		got, ok := b.Card(c.ID)
		if !ok || got.ID != c.ID {
			t.Errorf("Card(%q) = %v, %v", c.ID, got.ID, ok)
		}
		if _, ok := b.Topic(c.Topic); !ok {
			t.Errorf("card %s has topic %s, which Topics lacks", c.ID, c.Topic)
		}
		if c.User {
			t.Errorf("bank card %s is marked as a user card", c.ID)
		}
		if i > 0 && b.Cards()[i-1].ID == c.ID {
			t.Errorf("card %s twice", c.ID)
		}
		rounds[c.Round]++
	}
	// A second load gives the same order.
	b2, err := LoadBank()
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range b2.Cards() {
		if b.Cards()[i].ID != c.ID {
			t.Fatalf("card %d is %s on one load and %s on another", i, b.Cards()[i].ID, c.ID)
		}
	}
	t.Logf("%d cards in %d topics; by round %v", b.Len(), len(b.Topics()), rounds)
}

func TestNewBankRefuses(t *testing.T) {
	good := bankCard{ID: "bias-variance-1", Round: RoundTheory, Difficulty: 1, Prompt: "What is the bias–variance trade-off?", Answer: "Error splits into…", Tags: []string{"basics"}}
	with := func(f func(c *bankCard)) bankCard { c := good; f(&c); return c }
	tests := []struct {
		name  string
		files []bankFile
		want  string
	}{
		{"no topic", []bankFile{{Title: "T", Cards: []bankCard{good}}}, "topic"},
		{"bad topic", []bankFile{{Topic: "Bias Variance", Title: "T", Cards: []bankCard{good}}}, "lowercase"},
		{"no title", []bankFile{{Topic: "bias-variance", Cards: []bankCard{good}}}, "title"},
		{"no cards", []bankFile{{Topic: "bias-variance", Title: "T"}}, "no cards"},
		{"duplicate id", []bankFile{{Topic: "a", Title: "A", Cards: []bankCard{good}}, {Topic: "b", Title: "B", Cards: []bankCard{good}}}, "used twice"},
		{"two titles", []bankFile{{Topic: "a", Title: "A", Cards: []bankCard{good}}, {Topic: "a", Title: "B", Cards: []bankCard{with(func(c *bankCard) { c.ID = "x" })}}}, "titled"},
		{"bad round", []bankFile{{Topic: "a", Title: "A", Cards: []bankCard{with(func(c *bankCard) { c.Round = "coding" })}}}, "unknown round"},
		{"bad difficulty", []bankFile{{Topic: "a", Title: "A", Cards: []bankCard{with(func(c *bankCard) { c.Difficulty = 4 })}}}, "difficulty"},
		{"no answer", []bankFile{{Topic: "a", Title: "A", Cards: []bankCard{with(func(c *bankCard) { c.Answer = " " })}}}, "answer"},
		{"spaced tag", []bankFile{{Topic: "a", Title: "A", Cards: []bankCard{with(func(c *bankCard) { c.Tags = []string{"two words"} })}}}, "tag"},
		{"slash id", []bankFile{{Topic: "a", Title: "A", Cards: []bankCard{with(func(c *bankCard) { c.ID = "a/b" })}}}, "slashes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			names := make([]string, len(tt.files))
			for i := range names {
				names[i] = "drill/f.json"
			}
			_, err := newBank(names, tt.files)
			if errs.CodeOf(err) != errs.Invalid || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("newBank = %v, want an invalid error mentioning %q", err, tt.want)
			}
			if err != nil && !strings.Contains(err.Error(), "drill/f.json") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
	// Two files of one topic with one title merge.
	b, err := newBank([]string{"1", "2"}, []bankFile{{Topic: "a", Title: "A", Cards: []bankCard{good}}, {Topic: "a", Title: "A", Cards: []bankCard{with(func(c *bankCard) { c.ID = "x" })}}})
	if err != nil || len(b.Topics()) != 1 || b.Topics()[0].Count != 2 || b.Cards()[0].Topic != "a" {
		t.Errorf("newBank(one topic in two files) = %+v, %v", b, err)
	}
}
