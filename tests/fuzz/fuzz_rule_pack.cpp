// SPDX-License-Identifier: MIT
// libFuzzer target: the rule-pack loader (resources/rules/*.json and user packs).
#include "Catalog.h"
#include "RulePack.h"

using namespace mls;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    (void)RulePack::fromJson(bytes, QStringLiteral("fuzz.json"), Catalog::builtin(), &error);
    return 0;
}
