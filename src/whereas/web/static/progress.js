// Polls the verification job of the page's document and reloads the page when it is over.
(function () {
  "use strict";
  var status = document.getElementById("job-status");
  var bar = document.getElementById("job-progress");
  if (!status) { return; }
  var job = status.getAttribute("data-job");
  function poll() {
    fetch("/api/v1/jobs/" + encodeURIComponent(job), { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        if (j.status === "done" || j.status === "failed") { window.location.reload(); return; }
        var total = j.progress.total || 0;
        status.textContent = "Checking the sources: " + j.progress.done + " of " + (total || "?") + " fetched.";
        if (bar) { bar.max = total || 1; bar.value = j.progress.done; }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
}());
