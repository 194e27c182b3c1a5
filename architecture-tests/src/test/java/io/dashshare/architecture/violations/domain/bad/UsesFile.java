package io.dashshare.architecture.violations.domain.bad;

import java.io.File;

public class UsesFile {
    private File file;
}
