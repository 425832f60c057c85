// The PDF exports and SVG charts, checked with poppler's tools the way a reader's
// PDF viewer would see them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "support/server_process.hpp"

namespace prepbot::testing {
namespace {

using nlohmann::json;

struct Command {
  int status;
  std::string output;
};

Command run(const std::string& command) {
  Command result{-1, ""};
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  char buffer[4096];
  std::size_t got = 0;
  while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, got);
  result.status = pclose(pipe);
  return result;
}

std::string collapse_spaces(const std::string& text) { return std::regex_replace(text, std::regex("\\s+"), " "); }

class ExportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess("sqlite::memory:");
    dir_ = new std::string(make_temp_dir());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  // A finalized session; returns its start response.
  static json completed(const std::string& name, int questions = 4) {
    const auto client = server_->client();
    const json started = client.post("/interview/start", json{{"name", name}, {"role", "backend developer"},
                                                              {"experience", "mid"}, {"mode", "mixed"},
                                                              {"num_questions", questions}})
                             .json();
    const std::string id = started["session_id"];
    for (const auto& q : started["questions"])
      EXPECT_EQ(client.post("/interview/session/" + id + "/answer",
                            json{{"question_id", q["id"]},
                                 {"answer", "For question " + std::to_string(q["id"].get<int>()) +
                                                " I would first measure, then decide. For example, at my last job I "
                                                "led the change and we cut latency by 40 percent."}})
                    .status,
                200);
    EXPECT_EQ(client.post("/interview/session/" + id + "/finalize", std::string()).status, 200);
    return started;
  }

  static std::string save(const std::string& bytes, const std::string& file) {
    const std::string path = *dir_ + "/" + file;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  static inline ServerProcess* server_ = nullptr;
  static inline std::string* dir_ = nullptr;
};

TEST_F(ExportTest, TheFullReportHoldsTheNameEveryQuestionAndEveryScore) {
  const std::string name = "José Ñúñez 李雷";
  const json started = completed(name);
  const std::string id = started["session_id"];
  const auto response = server_->client().get("/interview/session/" + id + "/export/full");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.at("content-type"), "application/pdf");
  EXPECT_EQ(response.headers.at("content-disposition"),
            "attachment; filename=\"prepbot-report-jose-nunez-full.pdf\"; "
            "filename*=UTF-8''prepbot-report-Jos%C3%A9-%C3%91%C3%BA%C3%B1ez-%E6%9D%8E%E9%9B%B7-full.pdf");
  const std::string pdf = save(response.body, "full.pdf");

  const auto text = run("pdftotext -enc UTF-8 " + pdf + " -");
  ASSERT_EQ(text.status, 0) << text.output;
  const std::string flat = collapse_spaces(text.output);
  EXPECT_NE(flat.find(name), std::string::npos);
  const json session = server_->client().get("/interview/session/" + id).json();
  for (const auto& q : session["questions"]) {  // every answered one (a follow-up may be left unanswered)
    if (std::any_of(session["answers"].begin(), session["answers"].end(), [&](const json& a) { return a["question_id"] == q["id"]; })) {
      EXPECT_NE(flat.find(collapse_spaces(q["question"].get<std::string>())), std::string::npos) << q["question"];
    }
  }
  for (const auto& a : session["answers"]) {
    const auto& s = a["evaluation"]["scores"];
    // The three tiles of one answer, in order. Where the row ends or begins a page, the page's header (title
    // and candidate name, read in position order) or footer may be read between two tiles.
    const std::string furniture = "((PrepBot \u00b7 Interview report|" + name + "|Page \\d+ of \\d+) )*";
    const std::string line = "Technical " + std::to_string(s["technical"].get<int>()) + "/10 " + furniture +
                             "Communication " + std::to_string(s["communication"].get<int>()) + "/10 " + furniture +
                             "Confidence " + std::to_string(s["confidence"].get<int>()) + "/10";
    EXPECT_TRUE(std::regex_search(flat, std::regex(line))) << line << "\nread: " << flat;
  }

  const auto fonts = run("pdffonts " + pdf);
  ASSERT_EQ(fonts.status, 0) << fonts.output;
  std::istringstream rows(fonts.output);
  std::string row;
  int font_rows = 0;
  while (std::getline(rows, row)) {
    if (row.rfind("name", 0) == 0 || row.rfind("----", 0) == 0 || row.empty()) continue;
    ++font_rows;
    EXPECT_NE(row.find(" yes yes "), std::string::npos) << "not embedded: " << row;
  }
  EXPECT_GT(font_rows, 0);

  const auto rendered = run("pdftoppm -r 30 -png " + pdf + " " + *dir_ + "/page");
  EXPECT_EQ(rendered.status, 0);
  EXPECT_EQ(rendered.output, "") << "pdftoppm reported problems";
}

TEST_F(ExportTest, TheSummaryIsOnePageAndAnyScriptPrints) {
  const json started = completed("Иван Петров · محمد", 6);
  const auto response = server_->client().get("/interview/session/" + started["session_id"].get<std::string>() + "/export/summary");
  ASSERT_EQ(response.status, 200);
  const std::string pdf = save(response.body, "summary.pdf");
  EXPECT_NE(run("pdfinfo " + pdf).output.find("Pages:           1\n"), std::string::npos);
  EXPECT_NE(run("pdftotext -enc UTF-8 " + pdf + " -").output.find("Иван Петров"), std::string::npos);
  EXPECT_EQ(run("pdftoppm -r 30 -png " + pdf + " " + *dir_ + "/summary").output, "");
}

// A PDF uploaded as a résumé or posting comes back as text; here the upload is
// PrepBot's own full report: a real multi-page PDF drawn with cairo.
TEST_F(ExportTest, AnUploadedPdfComesBackAsTextAndBadFilesArePlainErrors) {
  const json started = completed("Grace Hopper", 6);
  const std::string id = started["session_id"];
  const std::string pdf = server_->client().get("/interview/session/" + id + "/export/full").body;
  const std::string path = save(pdf, "upload.pdf");
  ASSERT_NE(run("pdfinfo " + path).output.find("Pages:"), std::string::npos);
  const auto upload = [](const std::string& bytes, const std::string& type = "application/pdf") {
    return server_->client().send("POST", "/interview/extract-text", bytes, {{"Content-Type", type}});
  };
  const auto read = upload(pdf);
  ASSERT_EQ(read.status, 200) << read.body;
  const json out = read.json();
  EXPECT_GE(out["pages"].get<int>(), 2) << "a multi-page document";
  EXPECT_EQ(out["pages_read"], out["pages"]);
  const std::string text = out["text"];
  EXPECT_NE(text.find("Grace Hopper"), std::string::npos);
  EXPECT_NE(collapse_spaces(text).find(collapse_spaces(started["questions"].back()["question"].get<std::string>())),
            std::string::npos) << "the last page is read too";
  // What comes back can be sent as a job posting as it is.
  const auto tailored = server_->client().post("/interview/start", json{{"name", "Grace"}, {"mode", "technical"}, {"job_description", text}});
  EXPECT_EQ(tailored.status, 200) << tailored.body;

  EXPECT_EQ(upload(pdf, "application/json").status, 415) << "the type is declared";
  EXPECT_EQ(upload(pdf, "text/plain").status, 415);
  const auto not_pdf = upload("Dear hiring manager, please find my resume attached.");
  EXPECT_EQ(not_pdf.status, 422);
  EXPECT_NE(not_pdf.json()["detail"].get<std::string>().find("not a PDF"), std::string::npos);
  EXPECT_EQ(upload("").status, 422);
  const auto truncated = upload(pdf.substr(0, pdf.size() / 3));
  EXPECT_TRUE(truncated.status == 200 || truncated.status == 422) << "read as far as it goes, or refused: " << truncated.body;
  const auto huge = upload(std::string(5 * 1024 * 1024 + 10, 'x'));
  EXPECT_EQ(huge.status, 413);
  ASSERT_EQ(run("qpdf --encrypt secret owner 256 -- " + path + " " + *dir_ + "/locked.pdf").status, 0);
  std::ifstream locked_file(*dir_ + "/locked.pdf", std::ios::binary);
  const std::string locked((std::istreambuf_iterator<char>(locked_file)), std::istreambuf_iterator<char>());
  const auto refused = upload(locked);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.json()["detail"].get<std::string>().find("password"), std::string::npos);
  EXPECT_EQ(server_->client().post("/interview/evaluate", std::string(70 * 1024, ' ')).status, 413)
      << "other routes keep their 64 KiB limit";
}

TEST_F(ExportTest, Base64ExportsAsTheSeedShapesThem) {
  const std::string id = completed("Ada Lovelace")["session_id"];
  for (const std::string kind : {"full", "summary"}) {
    const auto response = server_->client().get("/interview/session/" + id + "/export/" + kind + "/base64");
    ASSERT_EQ(response.status, 200);
    const json body = response.json();
    EXPECT_EQ(body["filename"], "prepbot-report-ada-lovelace-" + kind + ".pdf");
    EXPECT_EQ(body["content_type"], "application/pdf");
    EXPECT_EQ(body["pdf_data"].get<std::string>().rfind("JVBERi0", 0), 0u) << "base64 of %PDF-";
  }
}

TEST_F(ExportTest, ExportNeedsACompletedSession) {
  const auto client = server_->client();
  const json started = client.post("/interview/start", json{{"name", "Early"}, {"role", "qa"}, {"experience", "junior"},
                                                            {"mode", "technical"}}).json();
  const std::string id = started["session_id"];
  const auto early = client.get("/interview/session/" + id + "/export/full");
  EXPECT_EQ(early.status, 400);
  EXPECT_NE(early.json()["detail"].get<std::string>().find("not completed"), std::string::npos);
  EXPECT_EQ(client.get("/interview/session/" + id + "/export/summary/base64").status, 400);
  EXPECT_EQ(client.get("/interview/session/nope/export/full").status, 404);
  EXPECT_EQ(client.get("/interview/session/" + id + "/charts/radar.svg").status, 400) << "no answers yet";
}

TEST_F(ExportTest, ChartsAreSvg) {
  const std::string id = completed("Chart Reader")["session_id"];
  for (const std::string chart : {"radar", "questions"}) {
    const auto response = server_->client().get("/interview/session/" + id + "/charts/" + chart + ".svg");
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.headers.at("content-type"), "image/svg+xml");
    EXPECT_NE(response.body.find("<svg"), std::string::npos);
  }
}

TEST_F(ExportTest, ConcurrentExportsEachHoldTheirOwnSession) {
  std::vector<std::pair<std::string, std::string>> sessions;  // id, name
  for (int i = 0; i < 8; ++i) {
    const std::string name = "Candidate " + std::to_string(i) + " Ωmega";
    sessions.emplace_back(completed(name, 2)["session_id"], name);
  }
  std::vector<std::string> pdfs(sessions.size());
  std::vector<std::thread> clients;
  for (std::size_t i = 0; i < sessions.size(); ++i)
    clients.emplace_back([&, i] {
      for (int round = 0; round < 3; ++round) {
        const auto response = server_->client().get("/interview/session/" + sessions[i].first + "/export/full");
        if (response.status == 200) pdfs[i] = response.body;
      }
    });
  for (auto& thread : clients) thread.join();
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    ASSERT_FALSE(pdfs[i].empty());
    const std::string text = run("pdftotext -enc UTF-8 " + save(pdfs[i], "c" + std::to_string(i) + ".pdf") + " -").output;
    EXPECT_NE(text.find(sessions[i].second), std::string::npos) << i;
    for (std::size_t j = 0; j < sessions.size(); ++j) {
      if (j == i) continue;
      EXPECT_EQ(text.find(sessions[j].second), std::string::npos) << i << " holds " << j;
    }
  }
}

}  // namespace
}  // namespace prepbot::testing
