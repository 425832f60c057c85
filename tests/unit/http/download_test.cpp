#include "http/download.hpp"

#include <gtest/gtest.h>

namespace prepbot::http {
namespace {

TEST(Download, AsciiFallbackKeepsLettersAndPlainsAccents) {
  EXPECT_EQ(ascii_filename("José Ñúñez 李雷", "full"), "prepbot-report-jose-nunez-full.pdf");
  EXPECT_EQ(ascii_filename("李雷", "summary"), "prepbot-report-candidate-summary.pdf");
  EXPECT_EQ(ascii_filename("../../etc/passwd", "full"), "prepbot-report-etc-passwd-full.pdf");
  EXPECT_EQ(ascii_filename("Ann \"quoted\"\r\nX-Evil: 1", "full"), "prepbot-report-ann-quoted-x-evil-1-full.pdf");
}

TEST(Download, ContentDispositionCarriesTheRealNameEncoded) {
  const std::string header = content_disposition("José 李", "full");
  EXPECT_EQ(header,
            "attachment; filename=\"prepbot-report-jose-full.pdf\"; "
            "filename*=UTF-8''prepbot-report-Jos%C3%A9-%E6%9D%8E-full.pdf");
  EXPECT_EQ(content_disposition("a\r\nb", "full").find('\r'), std::string::npos) << "no header injection";
}

}  // namespace
}  // namespace prepbot::http
