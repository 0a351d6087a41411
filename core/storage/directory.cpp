#include "storage/directory.h"

namespace scoop {

void replace_atomically(Directory& dir, const std::string& name, std::string_view bytes) {
    const std::string temp = name + ".tmp";
    {
        std::unique_ptr<WritableFile> out = dir.create(temp);
        out->append(bytes);
        out->sync();  // the content is durable before the name points at it
        out->close();
    }
    dir.rename(temp, name);
    dir.sync_directory();  // and the name is durable before we report success
}

std::string read_all(const Directory& dir, const std::string& name) {
    const auto file = dir.open(name);
    const auto b = file->bytes();
    return std::string(reinterpret_cast<const char*>(b.data()), b.size());
}

}  // namespace scoop
