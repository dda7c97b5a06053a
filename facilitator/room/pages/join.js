// A participant's phone: pick a name once, send what the step allows, read back
// only what this phone sent. Text goes in with textContent only.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const base = location.pathname.replace(/\/?$/, "/");
  let words = {};
  let formsKey = "";
  let timer = null;
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const el = (tag, props, children) => {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    (children || []).forEach((c) => node.append(c));
    return node;
  };

  function status(text, kind) {
    const s = $("status");
    s.textContent = text || "";
    s.className = "status " + (kind || "");
  }

  const errors = { rate: "room_too_fast", size: "room_too_long", text: "room_bad_text", empty: "room_empty",
    taken: "room_name_taken", chosen: "room_name_taken", finished: "room_finished", token: "room_closed" };

  async function problem(response) {
    let reason = "";
    try { reason = (await response.json()).error || ""; } catch (e) { reason = ""; }
    return words[errors[reason] || "room_refused"] || reason;
  }

  async function post(path, body) {
    return fetch(base + path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  async function refresh() {
    clearTimeout(timer);
    let response;
    try {
      response = await fetch(base + "state", { credentials: "same-origin", cache: "no-store" });
    } catch (e) {
      // The laptop cannot be reached (the room closed, or the network keeps
      // the phone from it): say so, and keep trying.
      if (words.room_closed) status(words.room_closed, "error");
      timer = setTimeout(refresh, 3000);
      return;
    }
    if (response.status === 410 || response.status === 403) {
      // A session that has ended is not an error: said plainly, without the warning.
      status(await problem(response), response.status === 410 ? "done" : "error");
      $("forms").replaceChildren();
      $("pick").hidden = true;
      document.body.dataset.closed = "1";
      return;
    }
    if (response.ok) {
      render(await response.json());
      if ($("status").textContent === words.room_closed) status("", "");
    }
    timer = setTimeout(refresh, 3000);
  }

  function render(state) {
    words = state.words;
    document.documentElement.lang = state.lang;
    $("step").textContent = state.step;
    $("phase").textContent = state.phase;
    $("phase").hidden = !state.phase;

    $("pick").hidden = state.chosen;
    if (!state.chosen) {
      $("pick-title").textContent = words.room_pick_name;
      $("pick-help").textContent = words.room_pick_name_help;
      $("people").replaceChildren(...state.people.map((p) => {
        const b = el("button", { type: "button", textContent: p.name, disabled: p.taken, className: "person" });
        b.dataset.person = p.id;
        b.addEventListener("click", () => choose(p.id));
        return b;
      }));
      $("anon").textContent = words.room_anonymous;
      $("anon-note").textContent = words.room_anonymous_note;
    }
    $("me").hidden = !state.chosen;
    $("me").textContent = state.me ? fill(words.room_you_are, { name: state.me }) : words.room_you_are_anonymous;

    const key = JSON.stringify([state.chosen, state.allowed, state.questions, state.lang]);
    if (key !== formsKey) {
      // A new step (or a new turn) asks for something else: "Sent." was about the
      // form that is gone.
      if (formsKey && $("status").className.includes("ok")) status("", "");
      formsKey = key;
      $("forms").replaceChildren(...forms(state));
    }

    $("mine-box").hidden = !state.chosen;
    $("mine-title").textContent = words.room_mine;
    const labels = { dilemma: "room_kind_dilemma", strength: "room_kind_strength", risk: "room_kind_risk",
      focus_notes: "room_kind_focus_notes", checkout: "room_kind_checkout" };
    $("mine").replaceChildren(...(state.mine.length ? state.mine.map((m) =>
      el("li", {}, [el("strong", { textContent: words[labels[m.kind]] + ": " }), el("span", { textContent: m.text })]))
      : [el("li", { className: "muted", textContent: words.room_mine_none })]));
  }

  function forms(state) {
    if (!state.chosen) return [];
    if (!state.allowed.length) return [el("p", { className: "muted nothing", textContent: words.room_nothing_now })];
    const out = [];
    const allowed = state.allowed;
    if (allowed.includes("strength") || allowed.includes("risk")) {
      out.push(form("finding", words.room_kind_strength + " / " + words.room_kind_risk, words.room_findings_help, state,
        ["strength", "risk"].filter((k) => allowed.includes(k))));
    }
    if (allowed.includes("dilemma")) out.push(form("dilemma", words.room_kind_dilemma, words.room_dilemma_help, state, ["dilemma"]));
    if (allowed.includes("focus_notes")) out.push(form("focus_notes", words.room_kind_focus_notes, words.room_focus_notes_help, state, ["focus_notes"]));
    if (allowed.includes("checkout")) out.push(form("checkout", words.room_kind_checkout, "", state, ["checkout"]));
    return out;
  }

  function form(id, heading, help, state, kinds) {
    const f = el("form", { className: "send", id: "form-" + id });
    f.append(el("h2", { textContent: heading }));
    if (help) f.append(el("p", { className: "muted", textContent: help }));
    let title = null, question = null;
    if (id === "dilemma") {
      title = el("input", { type: "text", maxLength: 200, name: "title", id: "title-" + id });
      f.append(el("label", { htmlFor: title.id, textContent: words.room_dilemma_title }), title);
    }
    if (id === "checkout" && state.questions.length > 1) {
      // The questions in full, one to choose (a list box would cut them at 360 px).
      question = el("fieldset", { className: "questions", id: "question-" + id });
      question.append(el("legend", { textContent: words.room_question }));
      state.questions.forEach((q, i) => {
        const radio = el("input", { type: "radio", name: "question", value: String(i), checked: i === 0,
          id: "question-" + id + "-" + i });
        question.append(el("label", { htmlFor: radio.id, className: "choice" }, [radio, " " + q]));
      });
      f.append(question);
    } else if (id === "checkout" && state.questions.length === 1) {
      f.append(el("p", { textContent: state.questions[0] }));
    }
    const text = el("textarea", { name: "text", rows: 4, maxLength: 2000, id: "text-" + id });
    f.append(el("label", { htmlFor: text.id, textContent: words.room_text_label }), text);
    const buttons = el("div", { className: "buttons" });
    kinds.forEach((kind) => {
      const label = kind === "strength" ? words.room_kind_strength : kind === "risk" ? words.room_kind_risk : words.room_send;
      const b = el("button", { type: "button", textContent: label, className: "send-" + kind });
      b.dataset.kind = kind;
      b.addEventListener("click", () => send(kind, text, title, question));
      buttons.append(b);
    });
    f.append(buttons);
    f.addEventListener("submit", (e) => e.preventDefault());
    return f;
  }

  async function choose(person) {
    const response = await post("me", { person: person });
    if (!response.ok) status(await problem(response), "error"); else status("", "");
    refresh();
  }

  async function send(kind, text, title, question) {
    if (!text.value.trim()) { status(words.room_empty, "error"); return; }
    const body = { kind: kind, text: text.value };
    if (title) body.title = title.value;
    if (question) body.question = Number(question.querySelector("input:checked").value);
    const response = await post("send", body);
    if (response.ok) {
      text.value = "";
      if (title) title.value = "";
      status(words.room_sent, "ok");
    } else {
      status(await problem(response), "error");
    }
    refresh();
  }

  $("anon").addEventListener("click", () => choose(null));
  document.addEventListener("visibilitychange", () => { if (!document.hidden) refresh(); });
  refresh();
})();
