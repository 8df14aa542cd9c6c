package org.gridatlas.security;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin of a deployment without the sample street (which has no default account):
 * {@code scripts/create-admin NAME} runs the app with {@code --gridatlas.create-admin=NAME}; the password comes from
 * GRIDATLAS_ADMIN_PASSWORD or the first line of standard input. The app exits afterwards.
 */
@Component
@ConditionalOnProperty("gridatlas.create-admin")
class CreateAdminCommand implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(CreateAdminCommand.class);
    private final UserStore users;
    private final ConfigurableApplicationContext context;

    CreateAdminCommand(UserStore users, ConfigurableApplicationContext context) {
        this.users = users;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String name = context.getEnvironment().getRequiredProperty("gridatlas.create-admin");
        String password = System.getenv("GRIDATLAS_ADMIN_PASSWORD");
        if (password == null || password.isBlank()) {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        int code = 0;
        if (password == null || password.length() < 8) {
            log.error("admin not created: give a password of at least 8 characters");
            code = 2;
        } else {
            users.save(name, password, new Scope(Scope.ADMIN, null, null), false);
            log.info("admin '{}' created (every street)", name);
        }
        int exit = code;
        System.exit(org.springframework.boot.SpringApplication.exit(context, () -> exit));
    }
}
