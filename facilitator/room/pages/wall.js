// The projector's page: renders the audience form the server pushes, nothing else.
// Text goes in with textContent only, so nothing sent can become markup.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  let words = {};
  let updates = 0;
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const set = (id, text) => {
    const el = $(id);
    el.textContent = text || "";
    el.hidden = !text;
  };

  function render(data) {
    const v = data.view;
    words = data.words || words;
    document.documentElement.lang = v.lang;
    updates += 1;
    document.body.dataset.updates = String(updates);
    set("step-of", fill(words.step_of || "", { n: v.step.index + 1, total: v.step.count }));
    set("step-title", v.step.title);

    const c = v.clock;
    const box = $("timer-box");
    box.className = "timer-box level-" + c.level + (c.status === "paused" ? " paused" : "");
    $("timer").textContent = c.display;
    set("level", c.level === "warning" ? words.room_level_warning : c.level === "overtime" ? words.room_level_overtime : "");
    // Before the start the facilitator's screen says which key starts the timer;
    // the room only needs to know that it has not started.
    set("timer-label", c.status === "not_started" && !c.complete ? words.room_not_started : c.label);
    set("step-line", c.step_line);
    set("break-ends", c.ends_at ? fill(words.room_break_until || "", { time: c.ends_at }) : "");

    set("focus-label", v.focus ? v.focus.label : "");
    set("focus-name", v.focus ? v.focus.name : "");
    const p = v.phase;
    set("phase-heading", p ? p.heading : "");
    set("rule", p ? p.rule : "");
    set("floor", p ? p.floor : "");
    const cue = $("cue");
    cue.className = "cue" + (v.cue ? " cue-" + v.cue.cue : "");
    set("cue", v.cue ? v.cue.text : "");

    const questions = p && p.questions.length ? p.questions : v.step.questions;
    const list = $("questions");
    list.replaceChildren(...questions.map((q) => {
      const li = document.createElement("li");
      li.textContent = q;
      return li;
    }));
    list.hidden = questions.length === 0;

    // The step's strengths and risks, when the facilitator shows them (no authors).
    const shown = v.on_wall || [];
    const listOf = (id, strength) => {
      const items = shown.filter((f) => f.strength === strength);
      $(id).replaceChildren(...items.map((f) => {
        const li = document.createElement("li");
        li.textContent = f.text;
        return li;
      }));
      return items.length;
    };
    const strengths = listOf("strengths", true);
    const risks = listOf("risks", false);
    set("strengths-heading", strengths ? words.room_strengths : "");
    set("risks-heading", risks ? words.room_risks : "");
    $("strengths").hidden = !strengths;
    $("risks").hidden = !risks;
    $("findings").hidden = shown.length === 0;
    // Shown, they take the place of the questions, which the room has discussed.
    list.hidden = list.hidden || shown.length > 0;

    const progress = $("progress");
    progress.replaceChildren(...v.progress.titles.map((t, i) => {
      const li = document.createElement("li");
      li.className = i < v.progress.index ? "done" : i === v.progress.index ? "now" : "later";
      li.textContent = (i < v.progress.index ? "✓ " : i === v.progress.index ? "● " : "") + t;
      if (i === v.progress.index) li.setAttribute("aria-current", "step");
      return li;
    }));
    const slot = $("slot");
    slot.className = "slot " + (v.slot.behind_minutes > 0 ? "behind" : v.slot.behind_minutes < 0 ? "ahead" : "on-time");
    $("status-line").textContent = v.slot.status_line;
    $("slot-line").textContent = v.slot.slot_line ? "· " + v.slot.slot_line : "";

    if (v.finished) {
      banner(words.room_finished, "finished");
      if (source) source.close();
    } else {
      $("banner").hidden = true;
    }
  }

  function banner(text, kind) {
    const el = $("banner");
    el.textContent = text || "";
    el.className = "banner " + kind;
    el.hidden = !text;
  }

  let source = null;
  function connect() {
    source = new EventSource("events");
    source.onmessage = (event) => render(JSON.parse(event.data));
    // The browser tries again by itself; until then the room sees that the
    // timer is not live rather than a clock that silently stopped.
    source.onerror = () => banner(words.room_connection_lost || "…", "lost");
    source.onopen = () => { $("banner").hidden = true; };
  }
  connect();
})();
