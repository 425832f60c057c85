// PrepBot web app entry point.
document.querySelector("#app p").textContent = "PrepBot is running. The API is under /interview.";
